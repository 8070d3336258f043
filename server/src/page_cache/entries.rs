//! The kept pages, bounded in bytes: when a new page would pass the bound,
//! the least recently used quarter goes, so a flood of distinct addresses
//! (every `?q=` a script can make up) cannot grow memory.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use super::entry::Entry;

pub struct Entries {
    map: RwLock<HashMap<String, Arc<Entry>>>,
    bytes: AtomicUsize,
    max_bytes: usize,
    /// A counter standing in for time, to find the least recently used.
    uses: AtomicU64,
}

impl Entries {
    pub fn new(max_bytes: usize) -> Self {
        Entries {
            map: RwLock::new(HashMap::new()),
            bytes: AtomicUsize::new(0),
            max_bytes,
            uses: AtomicU64::new(0),
        }
    }

    pub fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let entry = self
            .map
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned()?;
        entry
            .last_used
            .store(self.uses.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
        Some(entry)
    }

    /// Keeps `entry` under `key`; a page larger than an eighth of the bound
    /// is not kept at all.
    pub fn insert(&self, key: String, entry: Arc<Entry>) {
        let size = entry.size + key.len();
        if size > self.max_bytes / 8 {
            return;
        }
        entry
            .last_used
            .store(self.uses.fetch_add(1, Ordering::Relaxed), Ordering::Relaxed);
        let mut map = self.map.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(old) = map.insert(key.clone(), entry) {
            self.bytes
                .fetch_sub(old.size + key.len(), Ordering::Relaxed);
        }
        if self.bytes.fetch_add(size, Ordering::Relaxed) + size > self.max_bytes {
            self.evict_least_used(&mut map);
        }
    }

    pub fn clear(&self) {
        let mut map = self.map.write().unwrap_or_else(PoisonError::into_inner);
        map.clear();
        self.bytes.store(0, Ordering::Relaxed);
    }

    pub fn bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Drops the least recently used pages until three quarters of the
    /// bound are left: one sort pays for many inserts.
    fn evict_least_used(&self, map: &mut HashMap<String, Arc<Entry>>) {
        let mut by_use: Vec<(u64, String, usize)> = map
            .iter()
            .map(|(key, entry)| {
                (
                    entry.last_used.load(Ordering::Relaxed),
                    key.clone(),
                    entry.size + key.len(),
                )
            })
            .collect();
        by_use.sort_unstable_by_key(|(used, _, _)| *used);
        let target = self.max_bytes / 4 * 3;
        for (_, key, size) in by_use {
            if self.bytes.load(Ordering::Relaxed) <= target {
                break;
            }
            map.remove(&key);
            self.bytes.fetch_sub(size, Ordering::Relaxed);
        }
    }
}
