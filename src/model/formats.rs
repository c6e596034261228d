//! The formats a sheet's strings must have: safe links, slugs, BCP 47
//! language tags, ISO 8601 dates and decimal numbers. The rules in validate.rs report them;
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

/// The months' names in English: the model's messages name a date's month
/// so, and the deck's English strings are the same.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

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
    if !date_exists(year, month, day) {
        return None;
    }
    match time {
        None => Some((year, month, day, None)),
        Some(time) => is_iso_time(time).then(|| (year, month, day, time.get(..5))),
    }
}

/// What a browser's date picker shows for the sheet's `text`: `2024-03-23`
/// for a date picker, `2024-03-23T18:05` for a date-and-time one (the time
/// as written, midnight for a date alone); empty for text that is no ISO
/// date, so the picker starts blank rather than at a wrong day.
pub fn picker_value(text: &str, with_time: bool) -> String {
    let Some((year, month, day, time)) = parse_iso_date(text.trim()) else {
        return String::new();
    };
    let date = format!("{year:04}-{month:02}-{day:02}");
    if with_time {
        format!("{date}T{}", time.unwrap_or("00:00"))
    } else {
        date
    }
}

/// The sheet's text for what a date picker gave (`2024-03-23`, or
/// `2024-03-23T18:05` from a date-and-time picker, written with the
/// picker's offset east of UTC in minutes: `+03:00`, `Z` for none). `None`
/// for an empty or malformed value, which a cleared picker gives.
pub fn from_picker(value: &str, offset_minutes: Option<i32>) -> Option<String> {
    let value = value.trim();
    let (date, clock) = match value.split_once('T') {
        Some((date, clock)) => (date, Some(clock.get(..5)?)),
        None => (value, None),
    };
    parse_iso_date(date)?;
    let Some(clock) = clock else {
        return Some(date.to_owned());
    };
    let zone = match offset_minutes.unwrap_or(0) {
        0 => "Z".to_owned(),
        minutes => {
            let sign = if minutes < 0 { '-' } else { '+' };
            let minutes = minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
        }
    };
    let written = format!("{date}T{clock}{zone}");
    is_iso_date(&written).then_some(written)
}

/// Whether `day` is a day of `month` (1 to 12) in `year`.
fn date_exists(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// A date as a spreadsheet shows it in a short local format, which is what
/// Excel writes back when it reopens a CSV whose `2026-12-01` it took for a
/// date: `01/12/2026`, `12/1/2026`, `1.12.2026`, `2026/12/01`, with a time
/// such as `14:05` or `2:05 PM` if there was one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpreadsheetDate {
    /// The dates it can be, as year, month and day: one, or two when the
    /// day and the month could be either way round (day first, then month
    /// first).
    pub readings: Vec<(u32, u32, u32)>,
    /// The time of day on a 24-hour clock (`14:05`, `14:05:30`), if any.
    pub time: Option<String>,
}

impl SpreadsheetDate {
    /// A reading in ISO 8601 (`2026-12-01`, `2026-12-01T14:05`): without a
    /// zone, which the spreadsheet never knew.
    pub fn iso(&self, (year, month, day): (u32, u32, u32)) -> String {
        match &self.time {
            Some(time) => format!("{year:04}-{month:02}-{day:02}T{time}"),
            None => format!("{year:04}-{month:02}-{day:02}"),
        }
    }
}

/// The date `text` is, if it reads as a spreadsheet's short date (see
/// [`SpreadsheetDate`]) that exists. A year comes first or last, in four
/// digits; with dots the day comes first, as in every locale that writes
/// them; with slashes or hyphens, either may.
pub fn spreadsheet_date(text: &str) -> Option<SpreadsheetDate> {
    let text = text.trim();
    let (date, time) = match text.split_once(' ') {
        Some((date, time)) => (date, Some(time.trim())),
        None => (text, None),
    };
    let separator = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '/' | '.' | '-') {
        return None;
    }
    let parts: Vec<&str> = date.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let mut readings = Vec::new();
    if let (Some(year), Some(month), Some(day)) =
        (number(first, 4..=4), number(second, 1..=2), number(third, 1..=2))
    {
        // ISO's own order with hyphens is ISO's to judge (`2024-02-30`
        // does not exist, `2024-3-5` is not padded): no spreadsheet writes it.
        if separator != '-' {
            readings.push((year, month, day));
        }
    } else if let (Some(a), Some(b), Some(year)) =
        (number(first, 1..=2), number(second, 1..=2), number(third, 4..=4))
    {
        readings.push((year, b, a));
        if separator != '.' && a != b {
            readings.push((year, a, b));
        }
    }
    readings.retain(|&(year, month, day)| date_exists(year, month, day));
    if readings.is_empty() {
        return None;
    }
    let time = match time {
        None => None,
        Some(time) => Some(clock_time(time)?),
    };
    Some(SpreadsheetDate { readings, time })
}

/// `14:05`, `14:05:30`, `2:05 PM` on a 24-hour clock with two-digit hours.
fn clock_time(text: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    let (clock, afternoon) = match (upper.strip_suffix("AM"), upper.strip_suffix("PM")) {
        (Some(clock), _) => (clock.trim_end(), Some(false)),
        (_, Some(clock)) => (clock.trim_end(), Some(true)),
        _ => (upper.as_str(), None),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let digits = |part: &str, len: std::ops::RangeInclusive<usize>, max: u32| {
        (len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    let (hour, rest) = match parts.as_slice() {
        [hour, minute] => (digits(hour, 1..=2, 23)?, vec![digits(minute, 2..=2, 59)?]),
        [hour, minute, second] => (
            digits(hour, 1..=2, 23)?,
            vec![digits(minute, 2..=2, 59)?, digits(second, 2..=2, 59)?],
        ),
        _ => return None,
    };
    let hour = match afternoon {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    let mut clock = format!("{hour:02}");
    for part in rest {
        clock.push_str(&format!(":{part:02}"));
    }
    Some(clock)
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

/// A decimal number as JSON writes one (`-12.5`, `3e-2`), also with the
/// digits on one side of the point only (`.5`, `45.`), as a page may write
/// `data-live`; `None` for anything else. Read by hand, to a few units in
/// the last place: `str::parse::<f64>` brings the wasm about 12 KB of
/// float-parsing tables for degrees and seconds, which need no more.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (number, exponent) = match text.split_once(['e', 'E']) {
        Some((number, exponent)) => {
            let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let value: i32 = digits.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0'));
            (number, if exponent.starts_with('-') { -value } else { value })
        }
        None => (text, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // Up to 18 significant digits in an integer, the rest only scale it.
    let mut mantissa: u64 = 0;
    let mut scale = exponent;
    let mut significant = 0;
    for (b, in_fraction) in (whole.bytes().map(|b| (b, false))).chain(fraction.bytes().map(|b| (b, true))) {
        if significant < 18 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            significant += usize::from(mantissa > 0);
            scale -= i32::from(in_fraction);
        } else {
            scale += i32::from(!in_fraction);
        }
    }
    let value = mantissa as f64 * 10f64.powi(scale);
    Some(if negative { -value } else { value })
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
    fn spreadsheet_dates_read_both_ways_when_they_can() {
        let readings = |text: &str| spreadsheet_date(text).map(|date| date.readings);
        assert_eq!(readings("01/12/2026"), Some(vec![(2026, 12, 1), (2026, 1, 12)]));
        assert_eq!(readings("13/01/2026"), Some(vec![(2026, 1, 13)]));
        assert_eq!(readings("1/13/2026"), Some(vec![(2026, 1, 13)]));
        assert_eq!(readings("1.12.2026"), Some(vec![(2026, 12, 1)]));
        assert_eq!(readings("2026/12/01"), Some(vec![(2026, 12, 1)]));
        assert_eq!(readings("29/02/2023"), None);
        assert_eq!(readings("2026-12-1"), None);
        assert_eq!(readings("soon"), None);
        let time = |text: &str| spreadsheet_date(text).and_then(|date| date.time);
        assert_eq!(time("01/12/2026 9:05").as_deref(), Some("09:05"));
        assert_eq!(time("01/12/2026 12:05 am").as_deref(), Some("00:05"));
        assert_eq!(time("01/12/2026 12:05 PM").as_deref(), Some("12:05"));
        assert_eq!(spreadsheet_date("01/12/2026 13:05 PM"), None);
        let date = spreadsheet_date("01/12/2026 14:05:30").expect("a date");
        assert_eq!(date.iso(date.readings[0]), "2026-12-01T14:05:30");
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

#[cfg(test)]
mod decimals {
    use super::parse_decimal;

    fn close(text: &str) {
        let expected: f64 = text.parse().expect("a number std reads");
        let got = parse_decimal(text).unwrap_or_else(|| panic!("{text} is not read"));
        let error = (got - expected).abs() / expected.abs().max(f64::MIN_POSITIVE);
        assert!(error < 1e-14, "{text}: {got} against {expected}");
    }

    #[test]
    fn decimals_read_as_std_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "55.7558",
            "-37.6173",
            "90",
            "-180",
            "0.0005",
            "123456789.123456789",
            "1e3",
            "2.5E-3",
            "-7e+2",
            "12345678901234567890123",
            "0.000000000000000000001234",
            ".5",
            "45.",
        ] {
            close(text);
        }
        assert_eq!(parse_decimal("-0.25"), Some(-0.25));
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
    }

    #[test]
    fn anything_else_is_not_a_decimal() {
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "+1", "1.2.3", "1,5", " 1", "0x10", "NaN", "inf", "1e99999",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn degrees_read_back_as_written(value in -180.0f64..180.0) {
            close(&value.to_string());
            close(&format!("{value:e}"));
            close(&format!("{value:.4}"));
        }
    }
}

#[cfg(test)]
mod picker_tests {
    use super::{from_picker, picker_value};

    #[test]
    fn a_picker_shows_the_date_and_the_time_as_written() {
        assert_eq!(picker_value("2024-03-23", false), "2024-03-23");
        assert_eq!(picker_value("2024-03-23", true), "2024-03-23T00:00");
        assert_eq!(picker_value("2024-03-23T18:05:00Z", true), "2024-03-23T18:05");
        assert_eq!(picker_value("2024-03-23T18:05+03:00", false), "2024-03-23");
        // Not a date: the picker starts blank, never at a wrong day.
        assert_eq!(picker_value("23/03/2024", true), "");
        assert_eq!(picker_value("", false), "");
    }

    #[test]
    fn a_picked_time_is_written_with_its_offset() {
        assert_eq!(from_picker("2024-03-23", None).as_deref(), Some("2024-03-23"));
        assert_eq!(
            from_picker("2024-03-23T18:05", Some(180)).as_deref(),
            Some("2024-03-23T18:05+03:00")
        );
        assert_eq!(
            from_picker("2024-03-23T18:05", Some(-330)).as_deref(),
            Some("2024-03-23T18:05-05:30")
        );
        assert_eq!(
            from_picker("2024-03-23T18:05", Some(0)).as_deref(),
            Some("2024-03-23T18:05Z")
        );
        // Seconds from a picker with a step are cut to the minute.
        assert_eq!(
            from_picker("2024-03-23T18:05:30", Some(60)).as_deref(),
            Some("2024-03-23T18:05+01:00")
        );
        // A cleared picker, or a day that does not exist, writes nothing.
        assert_eq!(from_picker("", Some(0)), None);
        assert_eq!(from_picker("2024-02-30", None), None);
        assert_eq!(from_picker("2024-03-23T25:00", Some(0)), None);
    }
}
