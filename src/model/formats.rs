//! The formats a sheet's strings must have: safe links, slugs, BCP 47
//! language tags and ISO 8601 dates. The rules in validate.rs report them;
//! i18n.rs formats dates with the same parser, and the views check links with
//! the same test, so what is accepted is what is shown.

/// Checks that a link is absolute http or https, with nothing before the
/// scheme: `javascript:`, `data:`, protocol-relative `//host` and padded
/// URLs are refused, not cleaned, so that the editor sees the problem.
pub fn check_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        _ if url.trim() != url => Err("the url has spaces around it".to_owned()),
        None => Err(format!(
            "\"{}\" is not an http or https url",
            url.escape_default()
        )),
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            Err(format!("\"{}\" has no host name", url.escape_default()))
        }
        Some(_)
            if url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c)) =>
        {
            Err(format!(
                "\"{}\" contains spaces or invisible characters",
                url.escape_default()
            ))
        }
        Some(_) => Ok(()),
    }
}

/// Zero-width and direction-control characters: invisible, yet they change
/// what a reader sees or which id matches.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        || c.is_control()
}

/// A slug such as "moscow-attack": lowercase ASCII letters and digits in
/// parts joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The shape of a BCP 47 tag: a 2-3 letter language, then subtags of 1-8
/// letters or digits. Registry lookups are out of scope.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// An ISO 8601 calendar date `YYYY-MM-DD` that exists, optionally followed
/// by `THH:MM`, `:SS`, fractions, and `Z` or an offset. A time needs a zone so
/// that every reader sees the same moment.
pub fn is_iso_date(text: &str) -> bool {
    parse_iso_date(text).is_some()
}

/// The year, month and day of an ISO 8601 date or date-time, and the time
/// as written (`HH:MM`), if valid.
pub fn parse_iso_date(text: &str) -> Option<(u32, u32, u32, Option<&str>)> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    match time {
        None => Some((year, month, day, None)),
        Some(time) => is_iso_time(time).then(|| (year, month, day, time.get(..5))),
    }
}

fn is_iso_time(time: &str) -> bool {
    let (clock, zone) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, None)
    } else if time.len() > 6 && matches!(time.as_bytes()[time.len() - 6], b'+' | b'-') {
        let (clock, offset) = time.split_at(time.len() - 6);
        (clock, Some(&offset[1..]))
    } else {
        return false;
    };
    let two_digits = |part: &str, max: u32| {
        part.len() == 2
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let zone_ok = zone.is_none_or(|offset| {
        offset.len() == 5
            && offset.as_bytes()[2] == b':'
            && two_digits(&offset[..2], 23)
            && two_digits(&offset[3..], 59)
    });
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (clock, None),
    };
    let fraction_ok = fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let parts: Vec<&str> = hms.split(':').collect();
    let clock_ok = match parts.as_slice() {
        [h, m] => fraction.is_none() && two_digits(h, 23) && two_digits(m, 59),
        [h, m, s] => two_digits(h, 23) && two_digits(m, 59) && two_digits(s, 59),
        _ => false,
    };
    zone_ok && fraction_ok && clock_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_must_be_absolute_http_or_https() {
        assert_eq!(check_url("https://example.com/a"), Ok(()));
        assert_eq!(check_url("HTTP://example.com"), Ok(()));
        assert_eq!(
            check_url("javascript:alert(1)"),
            Err("\"javascript:alert(1)\" is not an http or https url".to_owned())
        );
        assert_eq!(
            check_url("https:///path"),
            Err("\"https:///path\" has no host name".to_owned())
        );
        assert_eq!(
            check_url(" https://example.com"),
            Err("the url has spaces around it".to_owned())
        );
    }

    #[test]
    fn slugs_and_language_tags() {
        assert!(is_slug("moscow-attack-2024"));
        assert!(!is_slug("Moscow"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(is_language_tag("en"));
        assert!(is_language_tag("pt-BR"));
        assert!(!is_language_tag("english"));
        assert!(!is_language_tag("en-"));
    }

    #[test]
    fn dates_exist_and_times_have_a_zone() {
        assert_eq!(parse_iso_date("2024-02-29"), Some((2024, 2, 29, None)));
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("1900-02-29"), None);
        assert_eq!(
            parse_iso_date("2024-03-22T18:05:30.5+03:00"),
            Some((2024, 3, 22, Some("18:05")))
        );
        assert_eq!(parse_iso_date("2024-03-22T18:05"), None);
        assert_eq!(parse_iso_date("2024-03-22T24:00Z"), None);
        assert!(is_iso_date("2024-03-22T18:05Z"));
    }
}
