//! `server admin create`: the first administrator comes from the command line.

use std::io::BufRead;

use app::models::account::check_email;
use app::store::Database;

use crate::config::{AdminCommand, AdminCreateArgs};

pub async fn run(command: AdminCommand) -> Result<(), String> {
    match command {
        AdminCommand::Create(args) => create(args).await,
    }
}

async fn create(args: AdminCreateArgs) -> Result<(), String> {
    check_email(&args.email).map_err(|message| format!("--email: {message}"))?;
    let name = args.name.trim();
    if name.is_empty() {
        return Err("--name: give the administrator's name".into());
    }
    let password = match std::env::var("SIGPOST_ADMIN_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            eprintln!("Password for {} (one line on standard input):", args.email);
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|error| format!("cannot read the password: {error}"))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    if let Err(errors) = app::auth::password_problem(&password, &[&args.email, name]) {
        return Err(format!(
            "password: {}",
            errors.get("password").unwrap_or("not accepted")
        ));
    }
    let hash = app::auth::hash_password(&password).map_err(|error| error.to_string())?;
    let db = Database::connect(&args.database.database_url, 2)
        .await
        .map_err(|error| error.to_string())?;
    db.migrate().await.map_err(|error| error.to_string())?;
    let created = app::store::accounts::create_admin(&db, name, &args.email, &hash)
        .await
        .map_err(|error| format!("could not save the administrator: {error}"))?;
    db.pool.close().await;
    if created {
        println!("created administrator {}", args.email.trim());
    } else {
        println!(
            "{} is now an administrator (password replaced)",
            args.email.trim()
        );
    }
    Ok(())
}
