//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaser is release_linux.go's on Linux; elsewhere the mapped pages stay resident.
type releaser struct{}

func newReleaser(*Tx) *releaser { return &releaser{} }

func boltReleaser(*bolt.Tx) *releaser { return &releaser{} }

func (*releaser) add([]byte) {}
func (*releaser) flush()     {}
func (*releaser) all()       {}

// ReleaseMapped does nothing here (release_linux.go).
func (db *DB) ReleaseMapped() error { return nil }
