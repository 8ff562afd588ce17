package store

// BucketSince returns the schema version whose migration creates bucket name (0 for a
// bucket the schema does not declare), for the external tests of old fixtures.
func BucketSince(name string) uint64 {
	for _, b := range buckets() {
		if string(b.name) == name {
			return b.since
		}
	}
	return 0
}
