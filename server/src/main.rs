//! `server`: the sigpost binary. Everything lives in the library crate.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::run().await
}
