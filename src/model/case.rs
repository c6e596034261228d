//! Lowercase for the scripts the widget supports, without Unicode's case
//! tables: one `to_lowercase` call pulls std's whole table (about 12 KB) into
//! the wasm, and the widget only needs Latin (with its diacritics), Greek and
//! Cyrillic. Arabic and Hebrew have no case. Everything else is left as it
//! is.
//!
//! Each character maps to exactly one character, so a position in lowered
//! text is the same character position in the original (search relies on it).
//! A native test checks every character of these blocks against std's
//! `char::to_lowercase`.

/// `c` in lowercase, for Latin, Greek and Cyrillic; any other character
/// unchanged. İ (capital I with dot) becomes plain `i`.
pub fn lower_char(c: char) -> char {
    let code = u32::from(c);
    let lowered = match code {
        // ASCII and Latin-1: A-Z, À-Þ but ×.
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // İ lowercases to "i̇": keep the i, one character for one.
        0x130 => 0x69,
        // Latin Extended-A: pairs, capital first, in three runs.
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        // Latin Extended-B: Romanian Ș and Ț.
        0x218..=0x21B if code % 2 == 0 => code + 1,
        // Latin Extended Additional: Vietnamese and Welsh, pairs.
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if code % 2 == 0 => code + 1,
        // Capital sharp s.
        0x1E9E => 0xDF,
        // Greek: the accented capitals, then Α-Ω (U+03A2 is unassigned).
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => code + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        // Cyrillic: Ѐ-Џ, А-Я, then the pairs of the extended letters.
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if code % 2 == 0 => code + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `text` in lowercase, character by character (see [`lower_char`]).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks covered: Basic Latin to Latin Extended-A, Romanian in
    /// Extended-B, Greek, Cyrillic and its supplement, Latin Extended
    /// Additional.
    const COVERED: [(u32, u32); 6] = [
        (0x0, 0x17F),
        (0x218, 0x21B),
        (0x370, 0x3FF),
        (0x400, 0x52F),
        (0x1E00, 0x1EFF),
        (0x2000, 0x206F),
    ];

    #[test]
    fn it_agrees_with_std_on_every_covered_character() {
        for (first, last) in COVERED {
            for c in (first..=last).filter_map(char::from_u32) {
                let std = c.to_lowercase().next().unwrap_or(c);
                // Greek's rarely used archaic and symbol capitals (ϏϘ-Ϯ, ϴ,
                // Ϲ, Ϸ, Ϻ, Ͻ-Ͽ, Ͱ-Ͳ, Ͷ, Ϳ) are left as they are.
                let archaic_greek = matches!(u32::from(c), 0x370..=0x37F | 0x3CF..=0x3FF);
                if !archaic_greek {
                    assert_eq!(lower_char(c), std, "{c:?} (U+{:04X})", u32::from(c));
                }
            }
        }
    }

    #[test]
    fn other_scripts_are_left_as_they_are() {
        assert_eq!(
            lowercase("ИГИЛ-К Ελλάδα Straße ÀÉÎÕÜ Ǆ مرحبا שלום"),
            "игил-к ελλάδα straße àéîõü Ǆ مرحبا שלום"
        );
        assert_eq!(lowercase("İSTANBUL").chars().count(), "İSTANBUL".chars().count());
        assert_eq!(lowercase("ŞİŞLİ ŐRÜLT ĂȘȚ ĐẠI"), "şişli őrült ășț đại");
    }
}
