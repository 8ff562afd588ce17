package archive

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/store"
)

// headKey is the key of the anchored head in store.BucketLetters.
var headKey = []byte("h")

// Head is the archive's anchored head: how many letters were issued, the last one's
// sequence, ID and hash. Issue updates it in the same transaction as the record, so
// that removing the last letters (or all of them) shows; noted outside the dossier (a
// file beside the backups, a printout), it shows a copy that lost or changed letters.
type Head struct {
	Count int    `json:"count"` // records issued
	Seq   uint64 `json:"seq"`   // sequence of the last record (0: none)
	ID    string `json:"id"`    // ID of the last record ("" when none)
	Hash  string `json:"hash"`  // hash of the last record ("" when none)
	// Built is set when the dossier had no stored head (written before heads existed)
	// and this one was built from the chain.
	Built bool `json:"-"`
}

// Text returns the head in words, in lang: count, last ID and its hash.
func (h Head) Text(lang string) string {
	if h.Count == 0 && h.Seq == 0 {
		return (&ledger.Problem{Key: "archive2.head.empty"}).Localize(lang)
	}
	return (&ledger.Problem{Key: "archive2.head.text", Args: []string{"count", strconv.Itoa(h.Count),
		"id", h.ID, "hash", h.Hash}}).Localize(lang)
}

// JSON returns the head as one line of JSON, to save and give to Against later.
func (h Head) JSON() string {
	b, err := json.Marshal(h)
	if err != nil { // a Head always marshals
		return "{}"
	}
	return string(b)
}

// ParseHead reads a head saved as JSON, alone or within a text (the output of
// `relance verify --head`, whose last line is the JSON form).
func ParseHead(data []byte) (Head, error) {
	var h Head
	i, j := bytes.IndexByte(data, '{'), bytes.LastIndexByte(data, '}')
	if i < 0 || j < i {
		return h, &ledger.Problem{Key: "archive2.err.headfile"}
	}
	if err := json.Unmarshal(data[i:j+1], &h); err != nil {
		return h, &ledger.Problem{Key: "archive2.err.headfile", Err: err}
	}
	if h.Seq > 0 && h.ID != ID(h.Seq) || h.Seq > 0 && len(h.Hash) != 64 {
		return h, &ledger.Problem{Key: "archive2.err.headfile"}
	}
	return h, nil
}

// readHead returns the stored head, found false when the dossier has none.
func readHead(b *bolt.Bucket) (h Head, found bool, err error) {
	v := b.Get(headKey)
	if v == nil {
		return h, false, nil
	}
	if err := json.Unmarshal(v, &h); err != nil {
		return h, true, &ledger.Problem{Key: "archive2.err.head", Err: err}
	}
	return h, true, nil
}

// buildHead builds the head from the chain (a dossier written before heads): the
// number of records, the last one's sequence and hash.
func buildHead(b *bolt.Bucket) (Head, error) {
	var h Head
	c := b.Cursor()
	for k, _ := c.Seek([]byte{'r'}); k != nil && k[0] == 'r'; k, _ = c.Next() {
		h.Count++
	}
	last, err := lastRecord(b)
	if err != nil {
		return h, err
	}
	if last != nil {
		h.Seq, h.ID, h.Hash = last.Seq, last.ID, last.Hash
	}
	h.Built = h.Seq > 0 || b.Sequence() > 0 // an archive that never held a letter has nothing to rebuild
	return h, nil
}

// advanceHead moves the stored head to r, just appended (building it first from the
// chain when the dossier has none yet).
func advanceHead(b *bolt.Bucket, r *Record) error {
	h, found, err := readHead(b)
	if err != nil {
		return err
	}
	if !found {
		if h, err = buildHead(b); err != nil {
			return err
		}
		h.Count-- // buildHead counted r already
	}
	h = Head{Count: h.Count + 1, Seq: r.Seq, ID: r.ID, Hash: r.Hash}
	v, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if err := b.Put(headKey, v); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// CurrentHead returns the archive's head: the stored one, or for a dossier written
// before heads one built from the chain (Built set).
func CurrentHead(tx *store.Tx) (Head, error) {
	b, err := bucket(tx)
	if err != nil {
		return Head{}, err
	}
	h, found, err := readHead(b)
	if err != nil || found {
		return h, err
	}
	return buildHead(b)
}

// Against compares the archive with a head saved earlier (from this dossier or the one
// it is a copy of): the letter at the saved head must be there with the same hash. It
// returns what differs: letters dropped since (the copy holds fewer) or altered.
func Against(tx *store.Tx, saved Head) ([]Altered, error) {
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	out := []Altered{}
	if saved.Seq == 0 {
		return out, nil
	}
	v := b.Get(key('r', saved.Seq))
	if v == nil {
		// The saved head's letter is gone: everything from the first one missing
		// before it up to it was dropped.
		from := saved.Seq
		for from > 1 && b.Get(key('r', from-1)) == nil {
			from--
		}
		out = append(out, Altered{ID: ID(from), Reason: "dropped", To: ID(saved.Seq), Count: int(saved.Seq - from + 1)})
		return out, nil
	}
	_, hash, ok := links(v)
	if !ok || hash != saved.Hash {
		out = append(out, Altered{ID: saved.ID, Reason: "against"})
	}
	return out, nil
}
