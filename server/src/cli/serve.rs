//! `server serve`: migrate, then serve until Ctrl-C or SIGTERM.

use crate::config::ServeArgs;
use crate::startup::{shutdown_signal, Application, StartError};

pub async fn run(args: ServeArgs) -> Result<(), StartError> {
    let application = Application::build(&args).await?;
    println!(
        "sigpost is listening on http://{}",
        application.local_addr()
    );
    application.run_until_stopped(shutdown_signal()).await
}
