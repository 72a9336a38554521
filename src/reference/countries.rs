//! Countries (and a few other partner territories) by ISO 3166-1 alpha-2 code,
//! with the full official names the Thai Ministry of Foreign Affairs writes in
//! formal documents ("สาธารณรัฐประชาชนจีน" / "People's Republic of China"), the
//! short names, and the default language of a partner in that country.
//!
//! Coverage: every UN member state, plus Hong Kong and Macao (special
//! administrative regions of the PRC; written in full as "เขตบริหารพิเศษ...
//! แห่งสาธารณรัฐประชาชนจีน"), Taiwan, the State of Palestine and the Vatican.
//!
//! Sources and choices:
//! - Thai long forms follow the Royal Institute list of country names and
//!   the usage of the MFA website and of the seed documents (สาธารณรัฐแห่งสหภาพ
//!   เมียนมา, ราชอาณาจักรกัมพูชา, สาธารณรัฐประชาธิปไตยประชาชนลาว in full, never
//!   สปป.ลาว). Countries whose official name carries no form of state are
//!   written as such: ญี่ปุ่น, มาเลเซีย (not สหพันธรัฐมาเลเซีย, which the seeds also
//!   show), แคนาดา, นิวซีแลนด์, มองโกเลีย, ฮังการี, โรมาเนีย, ยูเครน, จอร์เจีย.
//! - Türkiye: the current Thai official name is สาธารณรัฐทูร์เคีย (MFA, 2022,
//!   after the country renamed itself "Republic of Türkiye"); the older
//!   สาธารณรัฐตุรกี (seen in the seeds) is accepted by `suggest` only.
//! - Taiwan: Thailand follows the One-China policy; the seed tables list a
//!   Taiwanese partner as "มณฑลไต้หวัน สาธารณรัฐประชาชนจีน". The `TW` entry uses
//!   the neutral "ไต้หวัน" / "Taiwan"; a drafter may prefer `CN` with a
//!   `within` unit instead.
//! - English long forms are the UN formal names; short forms follow UN/MFA
//!   usage ("Viet Nam", "Lao PDR", "Türkiye", "Czechia").
//! - `language` is the language a city's own text is normally drafted in; where
//!   a country has several official languages the most common one for local
//!   government is chosen (BE nl, CH de, CA en, LU fr, BY ru, PH en, SG en) and
//!   a descriptor can always override it with `partner.language`.

use super::{closest, compact_key, normalise_key};

/// One country or territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, uppercase: "CN".
    pub code: &'static str,
    /// Official full Thai name as the MFA writes it: "สาธารณรัฐประชาชนจีน".
    pub th: &'static str,
    /// Short Thai name: "จีน".
    pub th_short: &'static str,
    /// Official full English name: "People's Republic of China".
    pub en: &'static str,
    /// Short English name: "China".
    pub en_short: &'static str,
    /// Default BCP 47 language of the partner side: "zh". Always present in
    /// `languages::LANGUAGES`.
    pub language: &'static str,
}

const fn c(
    code: &'static str,
    th: &'static str,
    th_short: &'static str,
    en: &'static str,
    en_short: &'static str,
    language: &'static str,
) -> Country {
    Country {
        code,
        th,
        th_short,
        en,
        en_short,
        language,
    }
}

/// All countries, sorted by code.
#[rustfmt::skip]
pub static COUNTRIES: &[Country] = &[
    c("AD", "ราชรัฐอันดอร์รา", "อันดอร์รา", "Principality of Andorra", "Andorra", "ca"),
    c("AE", "สหรัฐอาหรับเอมิเรตส์", "สหรัฐอาหรับเอมิเรตส์", "United Arab Emirates", "United Arab Emirates", "ar"),
    c("AF", "สาธารณรัฐอิสลามอัฟกานิสถาน", "อัฟกานิสถาน", "Islamic Republic of Afghanistan", "Afghanistan", "ps"),
    c("AG", "แอนติกาและบาร์บูดา", "แอนติกาและบาร์บูดา", "Antigua and Barbuda", "Antigua and Barbuda", "en"),
    c("AL", "สาธารณรัฐแอลเบเนีย", "แอลเบเนีย", "Republic of Albania", "Albania", "sq"),
    c("AM", "สาธารณรัฐอาร์เมเนีย", "อาร์เมเนีย", "Republic of Armenia", "Armenia", "hy"),
    c("AO", "สาธารณรัฐแองโกลา", "แองโกลา", "Republic of Angola", "Angola", "pt"),
    c("AR", "สาธารณรัฐอาร์เจนตินา", "อาร์เจนตินา", "Argentine Republic", "Argentina", "es"),
    c("AT", "สาธารณรัฐออสเตรีย", "ออสเตรีย", "Republic of Austria", "Austria", "de"),
    c("AU", "เครือรัฐออสเตรเลีย", "ออสเตรเลีย", "Commonwealth of Australia", "Australia", "en"),
    c("AZ", "สาธารณรัฐอาเซอร์ไบจาน", "อาเซอร์ไบจาน", "Republic of Azerbaijan", "Azerbaijan", "az"),
    c("BA", "บอสเนียและเฮอร์เซโกวีนา", "บอสเนียและเฮอร์เซโกวีนา", "Bosnia and Herzegovina", "Bosnia and Herzegovina", "bs"),
    c("BB", "บาร์เบโดส", "บาร์เบโดส", "Barbados", "Barbados", "en"),
    c("BD", "สาธารณรัฐประชาชนบังกลาเทศ", "บังกลาเทศ", "People's Republic of Bangladesh", "Bangladesh", "bn"),
    c("BE", "ราชอาณาจักรเบลเยียม", "เบลเยียม", "Kingdom of Belgium", "Belgium", "nl"),
    c("BF", "บูร์กินาฟาโซ", "บูร์กินาฟาโซ", "Burkina Faso", "Burkina Faso", "fr"),
    c("BG", "สาธารณรัฐบัลแกเรีย", "บัลแกเรีย", "Republic of Bulgaria", "Bulgaria", "bg"),
    c("BH", "ราชอาณาจักรบาห์เรน", "บาห์เรน", "Kingdom of Bahrain", "Bahrain", "ar"),
    c("BI", "สาธารณรัฐบุรุนดี", "บุรุนดี", "Republic of Burundi", "Burundi", "fr"),
    c("BJ", "สาธารณรัฐเบนิน", "เบนิน", "Republic of Benin", "Benin", "fr"),
    c("BN", "บรูไนดารุสซาลาม", "บรูไน", "Brunei Darussalam", "Brunei", "ms"),
    c("BO", "รัฐพหุชนชาติแห่งโบลิเวีย", "โบลิเวีย", "Plurinational State of Bolivia", "Bolivia", "es"),
    c("BR", "สหพันธ์สาธารณรัฐบราซิล", "บราซิล", "Federative Republic of Brazil", "Brazil", "pt"),
    c("BS", "เครือรัฐบาฮามาส", "บาฮามาส", "Commonwealth of The Bahamas", "Bahamas", "en"),
    c("BT", "ราชอาณาจักรภูฏาน", "ภูฏาน", "Kingdom of Bhutan", "Bhutan", "dz"),
    c("BW", "สาธารณรัฐบอตสวานา", "บอตสวานา", "Republic of Botswana", "Botswana", "en"),
    c("BY", "สาธารณรัฐเบลารุส", "เบลารุส", "Republic of Belarus", "Belarus", "ru"),
    c("BZ", "เบลีซ", "เบลีซ", "Belize", "Belize", "en"),
    c("CA", "แคนาดา", "แคนาดา", "Canada", "Canada", "en"),
    c("CD", "สาธารณรัฐประชาธิปไตยคองโก", "คองโก (กินชาซา)", "Democratic Republic of the Congo", "DR Congo", "fr"),
    c("CF", "สาธารณรัฐแอฟริกากลาง", "แอฟริกากลาง", "Central African Republic", "Central African Republic", "fr"),
    c("CG", "สาธารณรัฐคองโก", "คองโก (บราซซาวิล)", "Republic of the Congo", "Congo", "fr"),
    c("CH", "สมาพันธรัฐสวิส", "สวิตเซอร์แลนด์", "Swiss Confederation", "Switzerland", "de"),
    c("CI", "สาธารณรัฐโกตดิวัวร์", "โกตดิวัวร์", "Republic of Côte d'Ivoire", "Côte d'Ivoire", "fr"),
    c("CL", "สาธารณรัฐชิลี", "ชิลี", "Republic of Chile", "Chile", "es"),
    c("CM", "สาธารณรัฐแคเมอรูน", "แคเมอรูน", "Republic of Cameroon", "Cameroon", "fr"),
    c("CN", "สาธารณรัฐประชาชนจีน", "จีน", "People's Republic of China", "China", "zh"),
    c("CO", "สาธารณรัฐโคลอมเบีย", "โคลอมเบีย", "Republic of Colombia", "Colombia", "es"),
    c("CR", "สาธารณรัฐคอสตาริกา", "คอสตาริกา", "Republic of Costa Rica", "Costa Rica", "es"),
    c("CU", "สาธารณรัฐคิวบา", "คิวบา", "Republic of Cuba", "Cuba", "es"),
    c("CV", "สาธารณรัฐกาบูเวร์ดี", "กาบูเวร์ดี", "Republic of Cabo Verde", "Cabo Verde", "pt"),
    c("CY", "สาธารณรัฐไซปรัส", "ไซปรัส", "Republic of Cyprus", "Cyprus", "el"),
    c("CZ", "สาธารณรัฐเช็ก", "เช็ก", "Czech Republic", "Czechia", "cs"),
    c("DE", "สหพันธ์สาธารณรัฐเยอรมนี", "เยอรมนี", "Federal Republic of Germany", "Germany", "de"),
    c("DJ", "สาธารณรัฐจิบูตี", "จิบูตี", "Republic of Djibouti", "Djibouti", "fr"),
    c("DK", "ราชอาณาจักรเดนมาร์ก", "เดนมาร์ก", "Kingdom of Denmark", "Denmark", "da"),
    c("DM", "เครือรัฐโดมินิกา", "โดมินิกา", "Commonwealth of Dominica", "Dominica", "en"),
    c("DO", "สาธารณรัฐโดมินิกัน", "โดมินิกัน", "Dominican Republic", "Dominican Republic", "es"),
    c("DZ", "สาธารณรัฐประชาธิปไตยประชาชนแอลจีเรีย", "แอลจีเรีย", "People's Democratic Republic of Algeria", "Algeria", "ar"),
    c("EC", "สาธารณรัฐเอกวาดอร์", "เอกวาดอร์", "Republic of Ecuador", "Ecuador", "es"),
    c("EE", "สาธารณรัฐเอสโตเนีย", "เอสโตเนีย", "Republic of Estonia", "Estonia", "et"),
    c("EG", "สาธารณรัฐอาหรับอียิปต์", "อียิปต์", "Arab Republic of Egypt", "Egypt", "ar"),
    c("ER", "รัฐเอริเทรีย", "เอริเทรีย", "State of Eritrea", "Eritrea", "ti"),
    c("ES", "ราชอาณาจักรสเปน", "สเปน", "Kingdom of Spain", "Spain", "es"),
    c("ET", "สหพันธ์สาธารณรัฐประชาธิปไตยเอธิโอเปีย", "เอธิโอเปีย", "Federal Democratic Republic of Ethiopia", "Ethiopia", "am"),
    c("FI", "สาธารณรัฐฟินแลนด์", "ฟินแลนด์", "Republic of Finland", "Finland", "fi"),
    c("FJ", "สาธารณรัฐฟิจิ", "ฟิจิ", "Republic of Fiji", "Fiji", "en"),
    c("FM", "สหพันธรัฐไมโครนีเซีย", "ไมโครนีเซีย", "Federated States of Micronesia", "Micronesia", "en"),
    c("FR", "สาธารณรัฐฝรั่งเศส", "ฝรั่งเศส", "French Republic", "France", "fr"),
    c("GA", "สาธารณรัฐกาบอง", "กาบอง", "Gabonese Republic", "Gabon", "fr"),
    c("GB", "สหราชอาณาจักรบริเตนใหญ่และไอร์แลนด์เหนือ", "สหราชอาณาจักร", "United Kingdom of Great Britain and Northern Ireland", "United Kingdom", "en"),
    c("GD", "เกรเนดา", "เกรเนดา", "Grenada", "Grenada", "en"),
    c("GE", "จอร์เจีย", "จอร์เจีย", "Georgia", "Georgia", "ka"),
    c("GH", "สาธารณรัฐกานา", "กานา", "Republic of Ghana", "Ghana", "en"),
    c("GM", "สาธารณรัฐแกมเบีย", "แกมเบีย", "Republic of The Gambia", "Gambia", "en"),
    c("GN", "สาธารณรัฐกินี", "กินี", "Republic of Guinea", "Guinea", "fr"),
    c("GQ", "สาธารณรัฐอิเควทอเรียลกินี", "อิเควทอเรียลกินี", "Republic of Equatorial Guinea", "Equatorial Guinea", "es"),
    c("GR", "สาธารณรัฐเฮลเลนิก", "กรีซ", "Hellenic Republic", "Greece", "el"),
    c("GT", "สาธารณรัฐกัวเตมาลา", "กัวเตมาลา", "Republic of Guatemala", "Guatemala", "es"),
    c("GW", "สาธารณรัฐกินี-บิสเซา", "กินี-บิสเซา", "Republic of Guinea-Bissau", "Guinea-Bissau", "pt"),
    c("GY", "สาธารณรัฐสหกรณ์กายอานา", "กายอานา", "Co-operative Republic of Guyana", "Guyana", "en"),
    c("HK", "เขตบริหารพิเศษฮ่องกงแห่งสาธารณรัฐประชาชนจีน", "ฮ่องกง", "Hong Kong Special Administrative Region of the People's Republic of China", "Hong Kong", "zh"),
    c("HN", "สาธารณรัฐฮอนดูรัส", "ฮอนดูรัส", "Republic of Honduras", "Honduras", "es"),
    c("HR", "สาธารณรัฐโครเอเชีย", "โครเอเชีย", "Republic of Croatia", "Croatia", "hr"),
    c("HT", "สาธารณรัฐเฮติ", "เฮติ", "Republic of Haiti", "Haiti", "fr"),
    c("HU", "ฮังการี", "ฮังการี", "Hungary", "Hungary", "hu"),
    c("ID", "สาธารณรัฐอินโดนีเซีย", "อินโดนีเซีย", "Republic of Indonesia", "Indonesia", "id"),
    c("IE", "ไอร์แลนด์", "ไอร์แลนด์", "Ireland", "Ireland", "en"),
    c("IL", "รัฐอิสราเอล", "อิสราเอล", "State of Israel", "Israel", "he"),
    c("IN", "สาธารณรัฐอินเดีย", "อินเดีย", "Republic of India", "India", "hi"),
    c("IQ", "สาธารณรัฐอิรัก", "อิรัก", "Republic of Iraq", "Iraq", "ar"),
    c("IR", "สาธารณรัฐอิสลามอิหร่าน", "อิหร่าน", "Islamic Republic of Iran", "Iran", "fa"),
    c("IS", "ไอซ์แลนด์", "ไอซ์แลนด์", "Iceland", "Iceland", "is"),
    c("IT", "สาธารณรัฐอิตาลี", "อิตาลี", "Italian Republic", "Italy", "it"),
    c("JM", "จาเมกา", "จาเมกา", "Jamaica", "Jamaica", "en"),
    c("JO", "ราชอาณาจักรฮัชไมต์จอร์แดน", "จอร์แดน", "Hashemite Kingdom of Jordan", "Jordan", "ar"),
    c("JP", "ญี่ปุ่น", "ญี่ปุ่น", "Japan", "Japan", "ja"),
    c("KE", "สาธารณรัฐเคนยา", "เคนยา", "Republic of Kenya", "Kenya", "en"),
    c("KG", "สาธารณรัฐคีร์กีซ", "คีร์กีซ", "Kyrgyz Republic", "Kyrgyzstan", "ky"),
    c("KH", "ราชอาณาจักรกัมพูชา", "กัมพูชา", "Kingdom of Cambodia", "Cambodia", "km"),
    c("KI", "สาธารณรัฐคิริบาส", "คิริบาส", "Republic of Kiribati", "Kiribati", "en"),
    c("KM", "สหภาพคอโมโรส", "คอโมโรส", "Union of the Comoros", "Comoros", "fr"),
    c("KN", "สหพันธรัฐเซนต์คิตส์และเนวิส", "เซนต์คิตส์และเนวิส", "Federation of Saint Kitts and Nevis", "Saint Kitts and Nevis", "en"),
    c("KP", "สาธารณรัฐประชาธิปไตยประชาชนเกาหลี", "เกาหลีเหนือ", "Democratic People's Republic of Korea", "North Korea", "ko"),
    c("KR", "สาธารณรัฐเกาหลี", "เกาหลีใต้", "Republic of Korea", "South Korea", "ko"),
    c("KW", "รัฐคูเวต", "คูเวต", "State of Kuwait", "Kuwait", "ar"),
    c("KZ", "สาธารณรัฐคาซัคสถาน", "คาซัคสถาน", "Republic of Kazakhstan", "Kazakhstan", "kk"),
    c("LA", "สาธารณรัฐประชาธิปไตยประชาชนลาว", "ลาว", "Lao People's Democratic Republic", "Lao PDR", "lo"),
    c("LB", "สาธารณรัฐเลบานอน", "เลบานอน", "Lebanese Republic", "Lebanon", "ar"),
    c("LC", "เซนต์ลูเซีย", "เซนต์ลูเซีย", "Saint Lucia", "Saint Lucia", "en"),
    c("LI", "ราชรัฐลิกเตนสไตน์", "ลิกเตนสไตน์", "Principality of Liechtenstein", "Liechtenstein", "de"),
    c("LK", "สาธารณรัฐสังคมนิยมประชาธิปไตยศรีลังกา", "ศรีลังกา", "Democratic Socialist Republic of Sri Lanka", "Sri Lanka", "si"),
    c("LR", "สาธารณรัฐไลบีเรีย", "ไลบีเรีย", "Republic of Liberia", "Liberia", "en"),
    c("LS", "ราชอาณาจักรเลโซโท", "เลโซโท", "Kingdom of Lesotho", "Lesotho", "en"),
    c("LT", "สาธารณรัฐลิทัวเนีย", "ลิทัวเนีย", "Republic of Lithuania", "Lithuania", "lt"),
    c("LU", "ราชรัฐลักเซมเบิร์ก", "ลักเซมเบิร์ก", "Grand Duchy of Luxembourg", "Luxembourg", "fr"),
    c("LV", "สาธารณรัฐลัตเวีย", "ลัตเวีย", "Republic of Latvia", "Latvia", "lv"),
    c("LY", "ลิเบีย", "ลิเบีย", "Libya", "Libya", "ar"),
    c("MA", "ราชอาณาจักรโมร็อกโก", "โมร็อกโก", "Kingdom of Morocco", "Morocco", "ar"),
    c("MC", "ราชรัฐโมนาโก", "โมนาโก", "Principality of Monaco", "Monaco", "fr"),
    c("MD", "สาธารณรัฐมอลโดวา", "มอลโดวา", "Republic of Moldova", "Moldova", "ro"),
    c("ME", "มอนเตเนโกร", "มอนเตเนโกร", "Montenegro", "Montenegro", "cnr"),
    c("MG", "สาธารณรัฐมาดากัสการ์", "มาดากัสการ์", "Republic of Madagascar", "Madagascar", "mg"),
    c("MH", "สาธารณรัฐหมู่เกาะมาร์แชลล์", "หมู่เกาะมาร์แชลล์", "Republic of the Marshall Islands", "Marshall Islands", "en"),
    c("MK", "สาธารณรัฐมาซิโดเนียเหนือ", "มาซิโดเนียเหนือ", "Republic of North Macedonia", "North Macedonia", "mk"),
    c("ML", "สาธารณรัฐมาลี", "มาลี", "Republic of Mali", "Mali", "fr"),
    c("MM", "สาธารณรัฐแห่งสหภาพเมียนมา", "เมียนมา", "Republic of the Union of Myanmar", "Myanmar", "my"),
    c("MN", "มองโกเลีย", "มองโกเลีย", "Mongolia", "Mongolia", "mn"),
    c("MO", "เขตบริหารพิเศษมาเก๊าแห่งสาธารณรัฐประชาชนจีน", "มาเก๊า", "Macao Special Administrative Region of the People's Republic of China", "Macao", "zh"),
    c("MR", "สาธารณรัฐอิสลามมอริเตเนีย", "มอริเตเนีย", "Islamic Republic of Mauritania", "Mauritania", "ar"),
    c("MT", "สาธารณรัฐมอลตา", "มอลตา", "Republic of Malta", "Malta", "mt"),
    c("MU", "สาธารณรัฐมอริเชียส", "มอริเชียส", "Republic of Mauritius", "Mauritius", "en"),
    c("MV", "สาธารณรัฐมัลดีฟส์", "มัลดีฟส์", "Republic of Maldives", "Maldives", "dv"),
    c("MW", "สาธารณรัฐมาลาวี", "มาลาวี", "Republic of Malawi", "Malawi", "en"),
    c("MX", "สหรัฐเม็กซิโก", "เม็กซิโก", "United Mexican States", "Mexico", "es"),
    c("MY", "มาเลเซีย", "มาเลเซีย", "Malaysia", "Malaysia", "ms"),
    c("MZ", "สาธารณรัฐโมซัมบิก", "โมซัมบิก", "Republic of Mozambique", "Mozambique", "pt"),
    c("NA", "สาธารณรัฐนามิเบีย", "นามิเบีย", "Republic of Namibia", "Namibia", "en"),
    c("NE", "สาธารณรัฐไนเจอร์", "ไนเจอร์", "Republic of the Niger", "Niger", "fr"),
    c("NG", "สหพันธ์สาธารณรัฐไนจีเรีย", "ไนจีเรีย", "Federal Republic of Nigeria", "Nigeria", "en"),
    c("NI", "สาธารณรัฐนิการากัว", "นิการากัว", "Republic of Nicaragua", "Nicaragua", "es"),
    c("NL", "ราชอาณาจักรเนเธอร์แลนด์", "เนเธอร์แลนด์", "Kingdom of the Netherlands", "Netherlands", "nl"),
    c("NO", "ราชอาณาจักรนอร์เวย์", "นอร์เวย์", "Kingdom of Norway", "Norway", "no"),
    c("NP", "สหพันธ์สาธารณรัฐประชาธิปไตยเนปาล", "เนปาล", "Federal Democratic Republic of Nepal", "Nepal", "ne"),
    c("NR", "สาธารณรัฐนาอูรู", "นาอูรู", "Republic of Nauru", "Nauru", "en"),
    c("NZ", "นิวซีแลนด์", "นิวซีแลนด์", "New Zealand", "New Zealand", "en"),
    c("OM", "รัฐสุลต่านโอมาน", "โอมาน", "Sultanate of Oman", "Oman", "ar"),
    c("PA", "สาธารณรัฐปานามา", "ปานามา", "Republic of Panama", "Panama", "es"),
    c("PE", "สาธารณรัฐเปรู", "เปรู", "Republic of Peru", "Peru", "es"),
    c("PG", "รัฐเอกราชปาปัวนิวกินี", "ปาปัวนิวกินี", "Independent State of Papua New Guinea", "Papua New Guinea", "en"),
    c("PH", "สาธารณรัฐฟิลิปปินส์", "ฟิลิปปินส์", "Republic of the Philippines", "Philippines", "en"),
    c("PK", "สาธารณรัฐอิสลามปากีสถาน", "ปากีสถาน", "Islamic Republic of Pakistan", "Pakistan", "ur"),
    c("PL", "สาธารณรัฐโปแลนด์", "โปแลนด์", "Republic of Poland", "Poland", "pl"),
    c("PS", "รัฐปาเลสไตน์", "ปาเลสไตน์", "State of Palestine", "Palestine", "ar"),
    c("PT", "สาธารณรัฐโปรตุเกส", "โปรตุเกส", "Portuguese Republic", "Portugal", "pt"),
    c("PW", "สาธารณรัฐปาเลา", "ปาเลา", "Republic of Palau", "Palau", "en"),
    c("PY", "สาธารณรัฐปารากวัย", "ปารากวัย", "Republic of Paraguay", "Paraguay", "es"),
    c("QA", "รัฐกาตาร์", "กาตาร์", "State of Qatar", "Qatar", "ar"),
    c("RO", "โรมาเนีย", "โรมาเนีย", "Romania", "Romania", "ro"),
    c("RS", "สาธารณรัฐเซอร์เบีย", "เซอร์เบีย", "Republic of Serbia", "Serbia", "sr"),
    c("RU", "สหพันธรัฐรัสเซีย", "รัสเซีย", "Russian Federation", "Russia", "ru"),
    c("RW", "สาธารณรัฐรวันดา", "รวันดา", "Republic of Rwanda", "Rwanda", "rw"),
    c("SA", "ราชอาณาจักรซาอุดีอาระเบีย", "ซาอุดีอาระเบีย", "Kingdom of Saudi Arabia", "Saudi Arabia", "ar"),
    c("SB", "หมู่เกาะโซโลมอน", "หมู่เกาะโซโลมอน", "Solomon Islands", "Solomon Islands", "en"),
    c("SC", "สาธารณรัฐเซเชลส์", "เซเชลส์", "Republic of Seychelles", "Seychelles", "en"),
    c("SD", "สาธารณรัฐซูดาน", "ซูดาน", "Republic of the Sudan", "Sudan", "ar"),
    c("SE", "ราชอาณาจักรสวีเดน", "สวีเดน", "Kingdom of Sweden", "Sweden", "sv"),
    c("SG", "สาธารณรัฐสิงคโปร์", "สิงคโปร์", "Republic of Singapore", "Singapore", "en"),
    c("SI", "สาธารณรัฐสโลวีเนีย", "สโลวีเนีย", "Republic of Slovenia", "Slovenia", "sl"),
    c("SK", "สาธารณรัฐสโลวัก", "สโลวาเกีย", "Slovak Republic", "Slovakia", "sk"),
    c("SL", "สาธารณรัฐเซียร์ราลีโอน", "เซียร์ราลีโอน", "Republic of Sierra Leone", "Sierra Leone", "en"),
    c("SM", "สาธารณรัฐซานมารีโน", "ซานมารีโน", "Republic of San Marino", "San Marino", "it"),
    c("SN", "สาธารณรัฐเซเนกัล", "เซเนกัล", "Republic of Senegal", "Senegal", "fr"),
    c("SO", "สหพันธ์สาธารณรัฐโซมาเลีย", "โซมาเลีย", "Federal Republic of Somalia", "Somalia", "so"),
    c("SR", "สาธารณรัฐซูรินาเม", "ซูรินาเม", "Republic of Suriname", "Suriname", "nl"),
    c("SS", "สาธารณรัฐซูดานใต้", "ซูดานใต้", "Republic of South Sudan", "South Sudan", "en"),
    c("ST", "สาธารณรัฐประชาธิปไตยเซาตูเมและปรินซิปี", "เซาตูเมและปรินซิปี", "Democratic Republic of São Tomé and Príncipe", "São Tomé and Príncipe", "pt"),
    c("SV", "สาธารณรัฐเอลซัลวาดอร์", "เอลซัลวาดอร์", "Republic of El Salvador", "El Salvador", "es"),
    c("SY", "สาธารณรัฐอาหรับซีเรีย", "ซีเรีย", "Syrian Arab Republic", "Syria", "ar"),
    c("SZ", "ราชอาณาจักรเอสวาตินี", "เอสวาตินี", "Kingdom of Eswatini", "Eswatini", "en"),
    c("TD", "สาธารณรัฐชาด", "ชาด", "Republic of Chad", "Chad", "fr"),
    c("TG", "สาธารณรัฐโตโก", "โตโก", "Togolese Republic", "Togo", "fr"),
    c("TH", "ราชอาณาจักรไทย", "ไทย", "Kingdom of Thailand", "Thailand", "th"),
    c("TJ", "สาธารณรัฐทาจิกิสถาน", "ทาจิกิสถาน", "Republic of Tajikistan", "Tajikistan", "tg"),
    c("TL", "สาธารณรัฐประชาธิปไตยติมอร์-เลสเต", "ติมอร์-เลสเต", "Democratic Republic of Timor-Leste", "Timor-Leste", "pt"),
    c("TM", "เติร์กเมนิสถาน", "เติร์กเมนิสถาน", "Turkmenistan", "Turkmenistan", "tk"),
    c("TN", "สาธารณรัฐตูนิเซีย", "ตูนิเซีย", "Republic of Tunisia", "Tunisia", "ar"),
    c("TO", "ราชอาณาจักรตองกา", "ตองกา", "Kingdom of Tonga", "Tonga", "to"),
    c("TR", "สาธารณรัฐทูร์เคีย", "ทูร์เคีย", "Republic of Türkiye", "Türkiye", "tr"),
    c("TT", "สาธารณรัฐตรินิแดดและโตเบโก", "ตรินิแดดและโตเบโก", "Republic of Trinidad and Tobago", "Trinidad and Tobago", "en"),
    c("TV", "ตูวาลู", "ตูวาลู", "Tuvalu", "Tuvalu", "en"),
    c("TW", "ไต้หวัน", "ไต้หวัน", "Taiwan", "Taiwan", "zh"),
    c("TZ", "สหสาธารณรัฐแทนซาเนีย", "แทนซาเนีย", "United Republic of Tanzania", "Tanzania", "sw"),
    c("UA", "ยูเครน", "ยูเครน", "Ukraine", "Ukraine", "uk"),
    c("UG", "สาธารณรัฐยูกันดา", "ยูกันดา", "Republic of Uganda", "Uganda", "en"),
    c("US", "สหรัฐอเมริกา", "สหรัฐอเมริกา", "United States of America", "United States", "en"),
    c("UY", "สาธารณรัฐบูรพาอุรุกวัย", "อุรุกวัย", "Oriental Republic of Uruguay", "Uruguay", "es"),
    c("UZ", "สาธารณรัฐอุซเบกิสถาน", "อุซเบกิสถาน", "Republic of Uzbekistan", "Uzbekistan", "uz"),
    c("VA", "นครรัฐวาติกัน", "วาติกัน", "Vatican City State", "Vatican City", "it"),
    c("VC", "เซนต์วินเซนต์และเกรนาดีนส์", "เซนต์วินเซนต์และเกรนาดีนส์", "Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines", "en"),
    c("VE", "สาธารณรัฐโบลีวาร์แห่งเวเนซุเอลา", "เวเนซุเอลา", "Bolivarian Republic of Venezuela", "Venezuela", "es"),
    c("VN", "สาธารณรัฐสังคมนิยมเวียดนาม", "เวียดนาม", "Socialist Republic of Viet Nam", "Viet Nam", "vi"),
    c("VU", "สาธารณรัฐวานูอาตู", "วานูอาตู", "Republic of Vanuatu", "Vanuatu", "bi"),
    c("WS", "รัฐเอกราชซามัว", "ซามัว", "Independent State of Samoa", "Samoa", "sm"),
    c("YE", "สาธารณรัฐเยเมน", "เยเมน", "Republic of Yemen", "Yemen", "ar"),
    c("ZA", "สาธารณรัฐแอฟริกาใต้", "แอฟริกาใต้", "Republic of South Africa", "South Africa", "en"),
    c("ZM", "สาธารณรัฐแซมเบีย", "แซมเบีย", "Republic of Zambia", "Zambia", "en"),
    c("ZW", "สาธารณรัฐซิมบับเว", "ซิมบับเว", "Republic of Zimbabwe", "Zimbabwe", "en"),
];

/// ISO 3166-1 alpha-3 -> alpha-2, for hints ("CHN" -> CN). Same order as
/// [`COUNTRIES`].
#[rustfmt::skip]
const ALPHA3: &[(&str, &str)] = &[
    ("AND", "AD"), ("ARE", "AE"), ("AFG", "AF"), ("ATG", "AG"), ("ALB", "AL"), ("ARM", "AM"),
    ("AGO", "AO"), ("ARG", "AR"), ("AUT", "AT"), ("AUS", "AU"), ("AZE", "AZ"), ("BIH", "BA"),
    ("BRB", "BB"), ("BGD", "BD"), ("BEL", "BE"), ("BFA", "BF"), ("BGR", "BG"), ("BHR", "BH"),
    ("BDI", "BI"), ("BEN", "BJ"), ("BRN", "BN"), ("BOL", "BO"), ("BRA", "BR"), ("BHS", "BS"),
    ("BTN", "BT"), ("BWA", "BW"), ("BLR", "BY"), ("BLZ", "BZ"), ("CAN", "CA"), ("COD", "CD"),
    ("CAF", "CF"), ("COG", "CG"), ("CHE", "CH"), ("CIV", "CI"), ("CHL", "CL"), ("CMR", "CM"),
    ("CHN", "CN"), ("COL", "CO"), ("CRI", "CR"), ("CUB", "CU"), ("CPV", "CV"), ("CYP", "CY"),
    ("CZE", "CZ"), ("DEU", "DE"), ("DJI", "DJ"), ("DNK", "DK"), ("DMA", "DM"), ("DOM", "DO"),
    ("DZA", "DZ"), ("ECU", "EC"), ("EST", "EE"), ("EGY", "EG"), ("ERI", "ER"), ("ESP", "ES"),
    ("ETH", "ET"), ("FIN", "FI"), ("FJI", "FJ"), ("FSM", "FM"), ("FRA", "FR"), ("GAB", "GA"),
    ("GBR", "GB"), ("GRD", "GD"), ("GEO", "GE"), ("GHA", "GH"), ("GMB", "GM"), ("GIN", "GN"),
    ("GNQ", "GQ"), ("GRC", "GR"), ("GTM", "GT"), ("GNB", "GW"), ("GUY", "GY"), ("HKG", "HK"),
    ("HND", "HN"), ("HRV", "HR"), ("HTI", "HT"), ("HUN", "HU"), ("IDN", "ID"), ("IRL", "IE"),
    ("ISR", "IL"), ("IND", "IN"), ("IRQ", "IQ"), ("IRN", "IR"), ("ISL", "IS"), ("ITA", "IT"),
    ("JAM", "JM"), ("JOR", "JO"), ("JPN", "JP"), ("KEN", "KE"), ("KGZ", "KG"), ("KHM", "KH"),
    ("KIR", "KI"), ("COM", "KM"), ("KNA", "KN"), ("PRK", "KP"), ("KOR", "KR"), ("KWT", "KW"),
    ("KAZ", "KZ"), ("LAO", "LA"), ("LBN", "LB"), ("LCA", "LC"), ("LIE", "LI"), ("LKA", "LK"),
    ("LBR", "LR"), ("LSO", "LS"), ("LTU", "LT"), ("LUX", "LU"), ("LVA", "LV"), ("LBY", "LY"),
    ("MAR", "MA"), ("MCO", "MC"), ("MDA", "MD"), ("MNE", "ME"), ("MDG", "MG"), ("MHL", "MH"),
    ("MKD", "MK"), ("MLI", "ML"), ("MMR", "MM"), ("MNG", "MN"), ("MAC", "MO"), ("MRT", "MR"),
    ("MLT", "MT"), ("MUS", "MU"), ("MDV", "MV"), ("MWI", "MW"), ("MEX", "MX"), ("MYS", "MY"),
    ("MOZ", "MZ"), ("NAM", "NA"), ("NER", "NE"), ("NGA", "NG"), ("NIC", "NI"), ("NLD", "NL"),
    ("NOR", "NO"), ("NPL", "NP"), ("NRU", "NR"), ("NZL", "NZ"), ("OMN", "OM"), ("PAN", "PA"),
    ("PER", "PE"), ("PNG", "PG"), ("PHL", "PH"), ("PAK", "PK"), ("POL", "PL"), ("PSE", "PS"),
    ("PRT", "PT"), ("PLW", "PW"), ("PRY", "PY"), ("QAT", "QA"), ("ROU", "RO"), ("SRB", "RS"),
    ("RUS", "RU"), ("RWA", "RW"), ("SAU", "SA"), ("SLB", "SB"), ("SYC", "SC"), ("SDN", "SD"),
    ("SWE", "SE"), ("SGP", "SG"), ("SVN", "SI"), ("SVK", "SK"), ("SLE", "SL"), ("SMR", "SM"),
    ("SEN", "SN"), ("SOM", "SO"), ("SUR", "SR"), ("SSD", "SS"), ("STP", "ST"), ("SLV", "SV"),
    ("SYR", "SY"), ("SWZ", "SZ"), ("TCD", "TD"), ("TGO", "TG"), ("THA", "TH"), ("TJK", "TJ"),
    ("TLS", "TL"), ("TKM", "TM"), ("TUN", "TN"), ("TON", "TO"), ("TUR", "TR"), ("TTO", "TT"),
    ("TUV", "TV"), ("TWN", "TW"), ("TZA", "TZ"), ("UKR", "UA"), ("UGA", "UG"), ("USA", "US"),
    ("URY", "UY"), ("UZB", "UZ"), ("VAT", "VA"), ("VCT", "VC"), ("VEN", "VE"), ("VNM", "VN"),
    ("VUT", "VU"), ("WSM", "WS"), ("YEM", "YE"), ("ZAF", "ZA"), ("ZMB", "ZM"), ("ZWE", "ZW"),
];

/// Other names people write for a country (former, colloquial, abbreviated),
/// for hints only. Compared after `compact_key`, so spacing and case do not
/// matter.
#[rustfmt::skip]
const NAME_ALIASES: &[(&str, &str)] = &[
    ("Vietnam", "VN"), ("Laos", "LA"), ("Lao", "LA"), ("สปป.ลาว", "LA"), ("ประเทศลาว", "LA"),
    ("Turkey", "TR"), ("Turkiye", "TR"), ("Republic of Turkey", "TR"), ("ตุรกี", "TR"),
    ("สาธารณรัฐตุรกี", "TR"), ("Korea", "KR"), ("ROK", "KR"), ("เกาหลี", "KR"),
    ("DPRK", "KP"), ("Burma", "MM"), ("พม่า", "MM"), ("สหภาพพม่า", "MM"),
    ("UK", "GB"), ("Great Britain", "GB"), ("Britain", "GB"), ("England", "GB"),
    ("อังกฤษ", "GB"), ("USA", "US"), ("America", "US"), ("อเมริกา", "US"),
    ("Holland", "NL"), ("ฮอลแลนด์", "NL"), ("เช็กเกีย", "CZ"), ("Swaziland", "SZ"),
    ("Ivory Coast", "CI"), ("Cape Verde", "CV"), ("East Timor", "TL"), ("Macau", "MO"),
    ("PRC", "CN"), ("UAE", "AE"), ("Vatican", "VA"), ("Holy See", "VA"), ("สวิส", "CH"),
    ("สหพันธรัฐมาเลเซีย", "MY"), ("เขตการปกครองพิเศษฮ่องกง", "HK"),
    ("เขตบริหารพิเศษฮ่องกง", "HK"), ("เขตบริหารพิเศษมาเก๊า", "MO"),
    ("เขตการบริหารพิเศษมาเก๊า", "MO"),
    ("เนการาบรูไนดารุสซาลาม", "BN"), ("Macedonia", "MK"), ("Congo-Kinshasa", "CD"), ("DRC", "CD"),
    ("Congo-Brazzaville", "CG"), ("Moldavia", "MD"), ("Persia", "IR"),
];

/// Find a country by ISO 3166-1 alpha-2 code, case-insensitively ("cn", " CN ").
/// Only the codes in [`COUNTRIES`] match; names and alpha-3 codes do not (see
/// [`suggest`]).
pub fn lookup(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_alphabetic()) {
        return None;
    }
    COUNTRIES
        .iter()
        .find(|country| country.code.eq_ignore_ascii_case(code))
}

fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|country| country.code == code)
}

/// Every name of a country usable for hints: the four table names and the
/// aliases.
fn names() -> impl Iterator<Item = (&'static str, &'static str)> {
    COUNTRIES
        .iter()
        .flat_map(|country| {
            [country.en_short, country.en, country.th_short, country.th]
                .into_iter()
                .map(move |name| (name, country.code))
        })
        .chain(NAME_ALIASES.iter().map(|&(name, code)| (name, code)))
}

/// Strip a leading "ประเทศ" / "the " from a normalised name.
fn strip_name_prefix(normalised: &str) -> &str {
    for prefix in ["ประเทศ", "the "] {
        if let Some(rest) = normalised.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    normalised
}

/// The country the user most likely meant, for a "did you mean" hint:
/// an exact alpha-2 code; an alpha-3 code ("CHN" -> CN); an exact English or
/// Thai name, long or short, or a common alias ("China", "Vietnam", "ประเทศจีน",
/// "Turkey" -> TR); a two-letter code with its letters swapped ("NC" -> CN);
/// else the nearest name by edit distance (inputs of four or more
/// characters). `None` when nothing is reasonably close ("XX").
pub fn suggest(input: &str) -> Option<&'static Country> {
    if let Some(found) = lookup(input) {
        return Some(found);
    }
    let normalised = normalise_key(input);
    let stripped = strip_name_prefix(&normalised);
    if stripped.is_empty() {
        return None;
    }
    let is_letters = stripped.chars().all(|ch| ch.is_ascii_alphabetic());
    if is_letters && stripped.len() == 3 {
        let upper = stripped.to_ascii_uppercase();
        if let Some(&(_, a2)) = ALPHA3.iter().find(|(a3, _)| *a3 == upper) {
            return by_code(a2);
        }
    }
    let key = compact_key(stripped);
    if let Some((_, code)) = names().find(|(name, _)| compact_key(name) == key) {
        return by_code(code);
    }
    if is_letters && stripped.len() == 2 {
        let swapped: String = stripped.chars().rev().collect();
        return lookup(&swapped);
    }
    if stripped.chars().count() < 4 {
        return None;
    }
    let best = closest(stripped, names().map(|(name, _)| name))?;
    names()
        .find(|(name, _)| *name == best)
        .and_then(|(_, code)| by_code(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::languages;

    /// The 193 UN member states.
    const UN_MEMBERS: &[&str] = &[
        "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB",
        "BY", "BE", "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH",
        "CM", "CA", "CF", "TD", "CL", "CN", "CO", "KM", "CG", "CD", "CR", "CI", "HR", "CU", "CY",
        "CZ", "DK", "DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ", "FI",
        "FR", "GA", "GM", "GE", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT", "HN", "HU",
        "IS", "IN", "ID", "IR", "IQ", "IE", "IL", "IT", "JM", "JP", "JO", "KZ", "KE", "KI", "KP",
        "KR", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU", "MG", "MW", "MY",
        "MV", "ML", "MT", "MH", "MR", "MU", "MX", "FM", "MD", "MC", "MN", "ME", "MA", "MZ", "MM",
        "NA", "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO", "OM", "PK", "PW", "PA", "PG",
        "PY", "PE", "PH", "PL", "PT", "QA", "RO", "RU", "RW", "KN", "LC", "VC", "WS", "SM", "ST",
        "SA", "SN", "RS", "SC", "SL", "SG", "SK", "SI", "SB", "SO", "ZA", "SS", "ES", "LK", "SD",
        "SR", "SE", "CH", "SY", "TJ", "TH", "TL", "TG", "TO", "TT", "TN", "TR", "TM", "TV", "UG",
        "UA", "AE", "GB", "TZ", "US", "UY", "UZ", "VU", "VE", "VN", "YE", "ZM", "ZW",
    ];

    #[test]
    fn covers_every_un_member_and_the_extras() {
        assert_eq!(UN_MEMBERS.len(), 193);
        for code in UN_MEMBERS.iter().chain(&["HK", "MO", "TW", "PS", "VA"]) {
            assert!(lookup(code).is_some(), "{code} missing");
        }
        assert_eq!(COUNTRIES.len(), 198);
    }

    #[test]
    fn codes_are_unique_two_uppercase_letters_and_sorted() {
        for country in COUNTRIES {
            assert_eq!(country.code.len(), 2, "{}", country.code);
            assert!(country.code.chars().all(|ch| ch.is_ascii_uppercase()));
        }
        for pair in COUNTRIES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} / {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn every_language_resolves() {
        for country in COUNTRIES {
            let lang = languages::lookup(country.language)
                .unwrap_or_else(|| panic!("{}: language {}", country.code, country.language));
            assert_eq!(lang.code, country.language);
        }
    }

    #[test]
    fn alpha3_table_matches() {
        assert_eq!(ALPHA3.len(), COUNTRIES.len());
        for (&(a3, a2), country) in ALPHA3.iter().zip(COUNTRIES) {
            assert_eq!(a2, country.code);
            assert_eq!(a3.len(), 3);
            assert!(a3.chars().all(|ch| ch.is_ascii_uppercase()));
        }
        let mut a3: Vec<&str> = ALPHA3.iter().map(|(a3, _)| *a3).collect();
        a3.sort();
        a3.dedup();
        assert_eq!(a3.len(), ALPHA3.len());
    }

    #[test]
    fn aliases_point_at_known_codes() {
        for (name, code) in NAME_ALIASES {
            assert!(by_code(code).is_some(), "{name} -> {code}");
        }
    }

    #[test]
    fn names_are_clean_and_unique() {
        let mut seen = std::collections::HashMap::new();
        for country in COUNTRIES {
            for name in [country.th, country.th_short, country.en, country.en_short] {
                assert!(!name.is_empty(), "{}", country.code);
                assert_eq!(name.trim(), name, "{}", country.code);
                assert!(!name.contains("  "), "{}", country.code);
            }
            assert!(!country.th.starts_with("ประเทศ"), "{}", country.code);
            for name in [country.th, country.en] {
                if let Some(other) = seen.insert(name, country.code) {
                    panic!("{name} names {other} and {}", country.code);
                }
            }
        }
    }

    #[test]
    fn official_forms_used_in_mfa_documents() {
        let th = |code: &str| lookup(code).map(|country| country.th);
        assert_eq!(th("CN"), Some("สาธารณรัฐประชาชนจีน"));
        assert_eq!(th("VN"), Some("สาธารณรัฐสังคมนิยมเวียดนาม"));
        assert_eq!(th("LA"), Some("สาธารณรัฐประชาธิปไตยประชาชนลาว"));
        assert_eq!(th("JP"), Some("ญี่ปุ่น"));
        assert_eq!(th("KR"), Some("สาธารณรัฐเกาหลี"));
        assert_eq!(th("KH"), Some("ราชอาณาจักรกัมพูชา"));
        assert_eq!(th("MM"), Some("สาธารณรัฐแห่งสหภาพเมียนมา"));
        assert_eq!(th("ID"), Some("สาธารณรัฐอินโดนีเซีย"));
        assert_eq!(th("MY"), Some("มาเลเซีย"));
        assert_eq!(th("US"), Some("สหรัฐอเมริกา"));
        assert_eq!(th("GB"), Some("สหราชอาณาจักรบริเตนใหญ่และไอร์แลนด์เหนือ"));
        assert_eq!(th("AU"), Some("เครือรัฐออสเตรเลีย"));
        assert_eq!(th("RU"), Some("สหพันธรัฐรัสเซีย"));
        assert_eq!(th("NP"), Some("สหพันธ์สาธารณรัฐประชาธิปไตยเนปาล"));
        assert_eq!(th("TR"), Some("สาธารณรัฐทูร์เคีย"));
        let cn = lookup("cn").expect("CN");
        assert_eq!(cn.en, "People's Republic of China");
        assert_eq!(cn.en_short, "China");
        assert_eq!(cn.th_short, "จีน");
        assert_eq!(cn.language, "zh");
        for (code, lang) in [
            ("JP", "ja"),
            ("VN", "vi"),
            ("LA", "lo"),
            ("US", "en"),
            ("GB", "en"),
            ("AU", "en"),
            ("KR", "ko"),
            ("KH", "km"),
            ("MM", "my"),
            ("MY", "ms"),
            ("ID", "id"),
        ] {
            assert_eq!(
                lookup(code).map(|country| country.language),
                Some(lang),
                "{code}"
            );
        }
    }

    #[test]
    fn lookup_is_strict() {
        assert_eq!(lookup(" cn ").map(|country| country.code), Some("CN"));
        assert_eq!(lookup("Cn").map(|country| country.code), Some("CN"));
        // CH is Switzerland, not China.
        assert_eq!(
            lookup("CH").map(|country| country.en_short),
            Some("Switzerland")
        );
        for input in [
            "XX",
            "",
            "C",
            "CHN",
            "China",
            "จีน",
            "C N",
            "1A",
            "ZZ",
            "UK",
            "EU",
        ] {
            assert_eq!(lookup(input), None, "{input:?}");
        }
    }

    #[test]
    fn suggestions() {
        let code = |s: &str| suggest(s).map(|country| country.code);
        assert_eq!(code("CN"), Some("CN"));
        assert_eq!(code("CHN"), Some("CN"));
        assert_eq!(code("chn"), Some("CN"));
        assert_eq!(code("China"), Some("CN"));
        assert_eq!(code("จีน"), Some("CN"));
        assert_eq!(code("ประเทศจีน"), Some("CN"));
        assert_eq!(code("สาธารณรัฐประชาชนจีน"), Some("CN"));
        assert_eq!(code("People's Republic of China"), Some("CN"));
        assert_eq!(code("Vietnam"), Some("VN"));
        assert_eq!(code("Viet Nam"), Some("VN"));
        assert_eq!(code("Laos"), Some("LA"));
        assert_eq!(code("สปป.ลาว"), Some("LA"));
        assert_eq!(code("Turkey"), Some("TR"));
        assert_eq!(code("UK"), Some("GB"));
        assert_eq!(code("USA"), Some("US"));
        assert_eq!(code("JPN"), Some("JP"));
        assert_eq!(code("the Netherlands"), Some("NL"));
        assert_eq!(code("Japna"), Some("JP"));
        assert_eq!(code("Chna"), Some("CN"));
        assert_eq!(code("Indonesai"), Some("ID"));
        assert_eq!(code("NC"), Some("CN"));
        assert_eq!(code("XX"), None);
        assert_eq!(code("QQQ"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("Atlantis"), None);
    }
}
