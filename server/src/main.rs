//! `server`: the sigpost binary. Everything lives in the library crate.

/// A request allocates many small objects that live as long as it does;
/// mimalloc serves them with less work than glibc's malloc (which took a
/// sixth of the read path's time under load) and gives memory back after a
/// burst by itself.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    server::cli::run().await
}
