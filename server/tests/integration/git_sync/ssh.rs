//! The sync pushes over SSH too: to a Debian `sshd` the test starts on
//! loopback with its own host key, accepting one client key, which the site
//! is given as its `--git-ssh-key`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{edit_description, eventually, settled, Remote};
use crate::support::{roles, Backend, TestApp};

/// A running sshd, stopped when dropped.
struct Sshd {
    child: Child,
    port: u16,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen runs (Debian's openssh-client)");
    assert!(status.success());
}

fn user() -> String {
    let output = Command::new("id").arg("-un").output().expect("id");
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .trim()
        .to_owned()
}

/// Starts sshd on a free loopback port, letting in the holder of `client_key`.
fn start_sshd(dir: &Path, client_key: &Path) -> Sshd {
    let host_key = dir.join("host_key");
    keygen(&host_key);
    std::fs::copy(
        client_key.with_extension("pub"),
        dir.join("authorized_keys"),
    )
    .expect("authorized_keys");
    // sshd insists on its privilege separation folder.
    let _ = std::fs::create_dir_all("/run/sshd");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nAuthorizedKeysFile {}\n\
             PidFile {}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n\
             UsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\nAllowUsers {}\n",
            host_key.display(),
            dir.join("authorized_keys").display(),
            dir.join("sshd.pid").display(),
            user()
        ),
    )
    .expect("sshd_config");
    let child = Command::new("/usr/sbin/sshd")
        .args(["-D", "-e", "-f"])
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Debian's openssh-server is installed (scripts/install-tools.sh test)");
    Sshd { child, port }
}

async fn listening(port: u16) {
    eventually("sshd listens", async || {
        tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
    })
    .await;
}

#[tokio::test]
async fn a_lead_edit_is_pushed_over_ssh() {
    let remote = Remote::new();
    let keys = tempfile::tempdir().expect("temp dir");
    let client_key: PathBuf = keys.path().join("client_key");
    keygen(&client_key);
    let sshd = start_sshd(keys.path(), &client_key);
    listening(sshd.port).await;

    let mut args = remote.args();
    args.git_remote = Some(format!(
        "ssh://{}@127.0.0.1:{}{}",
        user(),
        sshd.port,
        remote.dir.path().join("remote.git").display()
    ));
    args.git_ssh_key = Some(client_key);
    let app = TestApp::spawn_syncing(Backend::Sqlite, args).await;
    let roles = roles(&app).await;
    settled(&app, &remote).await;
    let before = remote.commits();

    edit_description(&app, &roles.lead, "Storage, pushed over SSH.").await;
    eventually("the edit is pushed over SSH", async || {
        remote.commits() > before
    })
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(remote.commits(), before + 1);
    assert_eq!(
        remote.git(&["log", "-1", "--format=%an", "main"]).trim(),
        "New Lead"
    );
    assert!(remote
        .git(&["show", "main:sigs.yaml"])
        .contains("  description: Storage, pushed over SSH.\n"));
}
