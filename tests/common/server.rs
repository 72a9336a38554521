//! Starts the real `sisterdoc serve --port 0` for the HTTP and browser tests
//! and reads the address it prints; the server is killed when dropped.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Server {
    child: Child,
    /// "127.0.0.1:PORT"
    pub addr: String,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[])
    }

    pub fn start_with(extra: &[&str]) -> Server {
        Server::start_in(&std::env::temp_dir(), extra)
    }

    /// Starts the server with `dir` as its working directory.
    pub fn start_in(dir: &std::path::Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sisterdoc"))
            .current_dir(dir)
            .env("TMPDIR", dir)
            .args(["serve", "--host", "127.0.0.1", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start sisterdoc serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut printed = Vec::new();
        let addr = loop {
            let line = match lines.next() {
                Some(Ok(l)) => l,
                _ => panic!("serve exited before printing its address: {printed:?}"),
            };
            printed.push(line.clone());
            if let Some(rest) = line.split("http://").nth(1) {
                if line.contains("listening on") {
                    break rest.split('/').next().unwrap_or_default().to_string();
                }
            }
        };
        assert!(
            printed.iter().any(|l| l.contains("เปิดหน้าเว็บที่ http://")),
            "the address is printed in Thai too: {printed:?}"
        );
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Sends a raw HTTP/1.1 request and returns (status, head, body).
    pub fn raw(&self, request: &[u8]) -> (u16, String, Vec<u8>) {
        let mut s = std::net::TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60))).ok();
        s.write_all(request).expect("send");
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let split = buf
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("response head");
        let head = String::from_utf8_lossy(&buf[..split]).to_string();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status");
        (status, head, buf[split + 4..].to_vec())
    }

    /// Stops the server with SIGTERM (as Ctrl-C would) and returns its exit status.
    pub fn stop(mut self) -> std::process::ExitStatus {
        #[cfg(unix)]
        {
            let _ = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status();
        }
        #[cfg(not(unix))]
        {
            let _ = self.child.kill();
        }
        let status = self.child.wait().expect("wait");
        std::mem::forget(self);
        status
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
