//! Thousands of idle and half-sent connections (loopback only, bounded, and
//! closed by the test in any case) must not stop the server from answering
//! others, must be closed by the server itself, and must give their memory back.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::support::process::ServerProcess;
use crate::support::{Backend, TestDatabase};

/// Source addresses of the flood (all on loopback, none the test's own).
const FLOOD_ADDRESSES: u8 = 12;
/// Connections per source address: a few more than the per-client cap.
const PER_ADDRESS: usize = 300;
const HEADER_TIMEOUT_SECONDS: u64 = 3;

#[tokio::test]
async fn a_connection_flood_neither_silences_the_server_nor_keeps_its_memory() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    let server = ServerProcess::start_with(
        &database.url,
        &[
            ("SIGPOST_TRUST_FORWARDED_FOR", "false"),
            ("SIGPOST_HEADER_TIMEOUT_SECONDS", "3"),
        ],
    );
    let addr: SocketAddr = server.addr.parse().expect("address");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .expect("client");
    for _ in 0..50 {
        for path in ["/healthz", "/sigs"] {
            client.get(server.url(path)).send().await.expect("warm-up");
        }
    }
    let rss_before = server.resident_kib();

    let mut flood = Vec::new();
    for host in 2..2 + FLOOD_ADDRESSES {
        let source = IpAddr::from([127, 0, 0, host]);
        for n in 0..PER_ADDRESS {
            let Ok(mut stream) = connect_from(source, addr).await else {
                continue;
            };
            if n % 2 == 0 {
                // Half-sent: headers that never end.
                let _ = stream
                    .write_all(b"GET /sigs HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                    .await;
            }
            flood.push(stream);
        }
    }
    assert!(
        flood.len() > 3_000,
        "only {} connections opened",
        flood.len()
    );
    let rss_during = server.resident_kib();

    for round in 0..5 {
        for path in ["/healthz", "/sigs"] {
            let started = Instant::now();
            let answer = client.get(server.url(path)).send().await;
            let status = answer.map(|a| a.status().as_u16());
            assert_eq!(
                status.ok(),
                Some(200),
                "{path} during the flood (round {round})"
            );
            assert!(
                started.elapsed() < Duration::from_secs(1),
                "{path} took {:?}",
                started.elapsed()
            );
        }
    }

    // The server closes them all by itself once the header time is over.
    tokio::time::sleep(Duration::from_secs(HEADER_TIMEOUT_SECONDS + 2)).await;
    let mut still_open = 0;
    for stream in &mut flood {
        let mut byte = [0_u8; 512];
        let closed = matches!(
            tokio::time::timeout(Duration::from_millis(20), stream.read(&mut byte)).await,
            Ok(Ok(_)) | Ok(Err(_))
        );
        if !closed {
            still_open += 1;
        }
    }
    assert_eq!(still_open, 0, "connections the server left open");
    drop(flood);

    // The server trims its memory within ten seconds of a fall.
    tokio::time::sleep(Duration::from_secs(11)).await;
    let rss_after = server.resident_kib();
    eprintln!(
        "flood of {opened} connections: RSS {rss_before} KiB before, {rss_during} KiB during, {rss_after} KiB after",
        opened = FLOOD_ADDRESSES as usize * PER_ADDRESS
    );
    assert!(
        rss_after <= rss_before + rss_before / 10 + 4 * 1024,
        "memory after the flood: {rss_after} KiB, before: {rss_before} KiB"
    );
    assert!(server.logged("too many open"), "refusals are logged");
    server.assert_no_panic();
}

async fn connect_from(source: IpAddr, to: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(source, 0))?;
    tokio::time::timeout(Duration::from_secs(2), socket.connect(to))
        .await
        .map_err(|_| std::io::Error::other("connect timed out"))?
}
