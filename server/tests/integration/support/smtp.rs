//! A real SMTP server for the mail tests: aiosmtpd (Python), started on a
//! free loopback port, writing what it receives into a maildir the test
//! reads and parses as a mail client would.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

/// One message as it arrived: its headers and its decoded text.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Received {
    /// The path and query of the `List-Unsubscribe` address, to post the
    /// one-click request to.
    pub fn one_click_path(&self) -> String {
        let address = self
            .header("List-Unsubscribe")
            .and_then(|value| value.strip_prefix('<'))
            .and_then(|value| value.strip_suffix('>'))
            .unwrap_or_else(|| panic!("no List-Unsubscribe address: {self:#?}"));
        let start = address
            .find("/unsubscribe/one-click")
            .unwrap_or_else(|| panic!("not a one-click address: {address}"));
        address[start..].to_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

impl SmtpServer {
    pub fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let dir = tempfile::tempdir().expect("maildir");
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("mail"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd runs (scripts/install-tools.sh test installs it)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not start on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpServer { port, dir, child }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = ["new", "cur"]
            .iter()
            .filter_map(|part| std::fs::read_dir(self.dir.path().join("mail").join(part)).ok())
            .flatten()
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .collect();
        files.sort();
        files
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.files()
            .iter()
            .map(|file| {
                let bytes = std::fs::read(file).expect("a delivered message");
                let message = mail_parser::MessageParser::default()
                    .parse(&bytes)
                    .expect("a parsable message");
                Received {
                    to: message
                        .to()
                        .and_then(|to| to.first())
                        .and_then(|to| to.address())
                        .unwrap_or_default()
                        .to_owned(),
                    subject: message.subject().unwrap_or_default().to_owned(),
                    headers: message
                        .headers_raw()
                        .map(|(name, value)| (name.to_owned(), value.trim().to_owned()))
                        .collect(),
                    text: message.body_text(0).unwrap_or_default().into_owned(),
                }
            })
            .collect()
    }

    /// Waits (the outbox is read every two seconds) until what arrived
    /// satisfies `done`, then a little more so that a duplicate would show.
    pub async fn wait_until(&self, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !done(&self.received()) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        tokio::time::sleep(Duration::from_secs(3)).await;
        self.received()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
