//! A source's address: an absolute http(s) link, or a link relative to the
//! sheet's own address (`./sources/article.html`, `../article.html`), as a
//! link in an HTML page is relative to the page. A relative one lets a story
//! folder ship the saved copy of its source beside its sheet and link to it
//! from wherever the folder is served.
//!
//! Only `./` and `../` are relative here: a bare path (`article.html`) is
//! too easily a typo for a host name, and a scheme-relative `//host` is a
//! link to another site in disguise. Whatever a relative link resolves to,
//! the reader gets it only if it is still http(s).

use super::formats::{check_url, is_invisible};

/// Whether `url` is written relative to the sheet's address: it starts with
/// `./` or `../`.
pub fn is_relative_url(url: &str) -> bool {
    url.starts_with("./") || url.starts_with("../")
}

/// Checks a source's `url`: an absolute http(s) link (see [`check_url`]) or
/// a relative one starting with `./` or `../`, without spaces or invisible
/// characters.
pub fn check_source_url(url: &str) -> Result<(), String> {
    if !is_relative_url(url) {
        return check_url(url).map_err(
            |reason| match reason.strip_suffix(" is not an http or https url") {
                Some(quoted) => format!(
                    "{quoted} is not an http or https url, nor a relative one starting with ./ or ../"
                ),
                None => reason,
            },
        );
    }
    if url.chars().any(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(format!(
            "\"{}\" contains spaces or invisible characters",
            url.escape_default()
        ));
    }
    Ok(())
}

/// Whether a view may link to `url` as it is: an absolute http(s) link, or
/// a relative one the browser resolves against the page (a sheet whose links
/// were not resolved, such as `factcards render`'s).
pub fn is_source_link(url: &str) -> bool {
    check_source_url(url).is_ok()
}

/// `url` resolved against `base` (the sheet's own address), as a browser
/// resolves a link: an absolute `url` is itself, a relative one is joined to
/// `base`'s folder, its `.` and `..` segments removed (never above the
/// host). `None` unless the result is an http(s) link: a `base` that is not
/// (a `file:` page, a `blob:` sheet) leaves a relative source unlinked.
pub fn resolve_source_url(url: &str, base: &str) -> Option<String> {
    if !is_relative_url(url) {
        return check_url(url).ok().map(|()| url.to_owned());
    }
    check_source_url(url).ok()?;
    check_url(base).ok()?;
    let base = base.split(['#', '?']).next().unwrap_or(base);
    let after_scheme = base.find("://")? + 3;
    let path_start = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |at| after_scheme + at);
    let (origin, base_path) = base.split_at(path_start);
    // The base's folder: its path up to the last `/`.
    let folder = base_path.rfind('/').map_or("", |at| &base_path[..at]);
    let (path, rest) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    // `folder` is empty or starts with `/`: its first piece is empty.
    let mut segments: Vec<&str> = folder.split('/').skip(1).collect();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            part => segments.push(part),
        }
        // A path ending in `.` or `..` names a folder: it keeps its slash.
        if last && matches!(*part, "." | "..") {
            segments.push("");
        }
    }
    let resolved = format!("{origin}/{}{rest}", segments.join("/"));
    check_url(&resolved).ok().map(|()| resolved)
}
