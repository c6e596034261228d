//! A small sorted set of strings, for the model, the state and live decks.

/// A small set of ids or paths (a deck's chosen categories and open cards,
/// a live deck's new cards, the gaps of a decoded sheet), kept as a sorted
/// `Vec`: such sets hold a handful, and a `BTreeSet<String>` costs the
/// wasm several KB of tree code for no gain at that size. Iterates in sorted
/// order, as the URL fragment and the events list them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSet(Vec<String>);

impl IdSet {
    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_ok()
    }

    /// Adds `id`; false if it was there already.
    pub fn insert(&mut self, id: String) -> bool {
        match self.position(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Removes `id`; false if it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        self.position(id).map(|at| self.0.remove(at)).is_ok()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn retain(&mut self, keep: impl FnMut(&String) -> bool) {
        self.0.retain(keep);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The ids, sorted.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    /// The ids in one set and not the other, sorted.
    pub fn symmetric_difference<'a>(&'a self, other: &'a IdSet) -> Vec<&'a String> {
        let mut ids: Vec<&String> = (self.iter().filter(|id| !other.contains(id)))
            .chain(other.iter().filter(|id| !self.contains(id)))
            .collect();
        ids.sort_unstable();
        ids
    }

    fn position(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|item| item.as_str().cmp(id))
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut ids: Vec<String> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        IdSet(ids)
    }
}
