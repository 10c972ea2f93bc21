//! The window shows the app's own pages and nothing else: a link, a script or a vault file can't
//! navigate it anywhere (an SVG opened from the vault would otherwise run as a page).

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            let allowed = is_app_page(url);
            if !allowed {
                eprintln!("guildbook: refused to navigate to {url}");
            }
            allowed
        })
        .build()
}

/// The app's pages: `tauri://localhost` (Linux, macOS) or `http(s)://tauri.localhost` (Windows),
/// and the dev server when the UI is not embedded.
pub fn is_app_page(url: &Url) -> bool {
    let host = url.host_str();
    match url.scheme() {
        "tauri" => host == Some("localhost"),
        "http" | "https" if host == Some("tauri.localhost") => true,
        "http" => {
            cfg!(not(feature = "custom-protocol"))
                && host == Some("localhost")
                && url.port() == Some(5173)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_are_allowed() {
        let ok = |u: &str| is_app_page(&Url::parse(u).unwrap());
        assert!(ok("tauri://localhost/"));
        assert!(ok("tauri://localhost/contractors"));
        assert!(ok("http://tauri.localhost/"));
        for bad in [
            "vault://localhost/0000000000000000000000000000000000000000000000000000000000000000",
            "http://vault.localhost/00",
            "https://example.com/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "tauri://evil/",
        ] {
            assert!(!ok(bad), "{bad}");
        }
    }
}
