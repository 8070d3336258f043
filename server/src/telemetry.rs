//! Logging through `tracing`, filtered by `RUST_LOG` (default: info), as
//! text for people or JSON lines for log collectors.

use std::io::{self, Write};

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber once; later calls (tests) are ignored.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        // Colour codes would be control characters the writer escapes.
        .with_ansi(false)
        .with_writer(|| OneLinePerEvent(io::stderr()));
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        // Span fields (the request id) go with every line.
        LogFormat::Json => builder.json().with_current_span(true).try_init(),
    };
}

/// Writes each event as exactly one line: any line break or other control
/// character inside it (a display name, an e-mail body) is written as an
/// escape, so logged text can never forge a log line. The formatter hands
/// over one whole event per write, ending in its own line break.
struct OneLinePerEvent<W: Write>(W);

impl<W: Write> Write for OneLinePerEvent<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let (line, end) = match text.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (text.as_ref(), ""),
        };
        let escaped = app::escape::log_text(line);
        self.0.write_all(escaped.as_bytes())?;
        self.0.write_all(end.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_stays_one_line() {
        let mut out = OneLinePerEvent(Vec::new());
        out.write_all(b"INFO mail to=Ada\nINFO forged line\r\n")
            .expect("write");
        assert_eq!(
            String::from_utf8(out.0).expect("utf-8"),
            "INFO mail to=Ada\\nINFO forged line\\r\n"
        );
    }
}
