//! Help for a misspelt name: the known name it was probably meant to be, or
//! the list of known names. Used for unknown fields and statuses (decode.rs),
//! unknown regions and source, category and card ids (validate.rs).

use super::case::lowercase;

/// `"a", "b", "c"`
pub fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|item| format!("\"{item}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known name closest to a misspelt one, if it is close enough to be a
/// typo: at most two edits, or the same letters in another case.
pub fn suggest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = lowercase(word);
    let length = lower.chars().count();
    known
        .iter()
        // The distance is at least the difference in length: skip the table
        // for words that cannot be close (a hostile key may be megabytes).
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= 2)
        .map(|&candidate| (edit_distance(&lower, candidate), candidate))
        .filter(|&(distance, candidate)| distance <= 2.min(candidate.chars().count() / 2))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counting a swap of two neighbouring letters as one
/// edit (the commonest typo).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let substitution = table[(i - 1) * width + j - 1] + usize::from(a[i - 1] != b[j - 1]);
                let mut best = substitution
                    .min(table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_list_quotes_and_joins() {
        assert_eq!(quoted_list(["a", "b c"].into_iter()), r#""a", "b c""#);
        assert_eq!(quoted_list(std::iter::empty()), "");
    }

    #[test]
    fn a_near_name_is_suggested() {
        let known = ["title", "summary", "sources"];
        assert_eq!(suggest("titel", &known), Some("title"));
        assert_eq!(suggest("Summary", &known), Some("summary"));
        assert_eq!(suggest("sourcs", &known), Some("sources"));
        assert_eq!(suggest("headline", &known), None);
    }

    #[test]
    fn short_names_need_a_closer_match() {
        // Two edits of a four-letter name would match almost anything.
        assert_eq!(suggest("ab", &["card"]), None);
        assert_eq!(suggest("crad", &["card"]), Some("card"));
    }
}
