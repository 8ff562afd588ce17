package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/store"
)

// Altered is a record that changed after issue, or records that were removed, and why.
type Altered struct {
	ID string `json:"id"` // the record, or the first of the records removed
	// Reason is hash, pdf, chain, missing (the PDF) or decode for a record changed;
	// deleted (records removed, at the start, in the middle or at the end), all (every
	// record removed) or head (the last record differs from the anchored head);
	// dropped or against when compared with a saved head (Against).
	Reason string `json:"reason"`
	To     string `json:"to,omitempty"`    // the last record removed (deleted, all, dropped)
	Count  int    `json:"count,omitempty"` // how many records were removed
}

// Problem returns the finding as a catalogue message.
func (a Altered) Problem() *ledger.Problem {
	n := strconv.Itoa(a.Count)
	switch a.Reason {
	case "deleted", "dropped":
		if a.Count <= 1 {
			return &ledger.Problem{Key: "archive2." + a.Reason + "_one", Args: []string{"id", a.ID}}
		}
		return &ledger.Problem{Key: "archive2." + a.Reason, Args: []string{"id", a.ID, "to", a.To, "count", n}}
	case "all":
		return &ledger.Problem{Key: "archive2.deleted_all", Args: []string{"id", a.ID, "to", a.To, "count", n}}
	case "head", "against":
		return &ledger.Problem{Key: "letters.archive.altered", Args: []string{"id", a.ID, "reason_key", "archive2.reason." + a.Reason}}
	}
	return &ledger.Problem{Key: "letters.archive.altered", Args: []string{"id", a.ID, "reason_key", "letters.archive.reason." + a.Reason}}
}

// Text returns "letter LT000003 altered after issue (SHA-256 of the PDF)", or
// "letter LT000004 removed from the archive", in lang.
func (a Altered) Text(lang string) string { return a.Problem().Localize(lang) }

// Report is the result of Verify (and Check).
type Report struct {
	Count   int       `json:"count"` // records present
	Head    string    `json:"head"`  // hash of the last record present
	Altered []Altered `json:"altered"`
	// LastID is the last record present ("" when none).
	LastID string `json:"last_id"`
	// Anchored is the stored head the chain was checked against (or the one built
	// from the chain when HeadBuilt).
	Anchored Head `json:"anchored"`
	// HeadBuilt: the dossier has no stored head yet (written before heads); it was
	// built from the chain, and the next letter issued stores it.
	HeadBuilt bool `json:"head_built"`
}

// OK reports whether nothing was found altered or removed.
func (r Report) OK() bool { return len(r.Altered) == 0 }

// Problems returns the findings as catalogue messages.
func (r Report) Problems() []*ledger.Problem {
	out := make([]*ledger.Problem, 0, len(r.Altered))
	for _, a := range r.Altered {
		out = append(out, a.Problem())
	}
	return out
}

// Verify walks the chain and reports every record whose content, PDF or link to the
// previous record no longer matches what was issued, and every record removed: in the
// middle or at the start (a gap in the sequence: the first missing ID is named, not
// its successor, whose link points to the missing one), or at the end or all of them
// (against the anchored head). It hashes every record and every PDF: for `verify`
// and `check`; Check is the quick form to call before a write.
func Verify(tx *store.Tx) (Report, error) { return walk(tx, true) }

// Check is the quick verification to run before every write, in the caller's
// transaction: the sequence of records (none removed in the middle, at the start or at
// the end), the links of every record to the previous one, and the anchored head
// against the last record, whose own hash is recomputed. It does not hash the other
// records nor the PDFs (Verify does). It returns the problems found (none: nil).
func Check(tx *store.Tx) ([]*ledger.Problem, error) {
	rep, err := walk(tx, false)
	if err != nil {
		return nil, err
	}
	if rep.OK() {
		return nil, nil
	}
	return rep.Problems(), nil
}

// walk checks the chain, fully (every record's hash and PDF) or quickly (links only).
func walk(tx *store.Tx, full bool) (Report, error) {
	rep := Report{Altered: []Altered{}}
	b, err := bucket(tx)
	if err != nil {
		return rep, err
	}
	c := b.Cursor()
	prevHash, prevSeq, known := "", uint64(0), true
	var lastV []byte
	for k, v := c.Seek([]byte{'r'}); k != nil && k[0] == 'r'; k, v = c.Next() {
		seq := seqOf(k)
		if seq <= prevSeq {
			rep.Altered = append(rep.Altered, Altered{ID: ID(seq), Reason: "decode"})
			continue
		}
		rep.Count++
		id := ID(seq)
		gap := seq > prevSeq+1
		if gap {
			rep.Altered = append(rep.Altered, Altered{ID: ID(prevSeq + 1), Reason: "deleted", To: ID(seq - 1), Count: int(seq - prevSeq - 1)})
		}
		prev, hash, reason := checkRecord(b, seq, v, full)
		if reason == "decode" {
			rep.Altered = append(rep.Altered, Altered{ID: id, Reason: reason})
			prevHash, prevSeq, known, lastV = "", seq, false, nil
			continue
		}
		if reason == "" && !gap && known && prev != prevHash {
			reason = "chain"
		}
		if reason != "" {
			rep.Altered = append(rep.Altered, Altered{ID: id, Reason: reason})
		}
		prevHash, prevSeq, known, lastV = hash, seq, true, v
	}
	rep.Head = prevHash
	if prevSeq > 0 {
		rep.LastID = ID(prevSeq)
	}
	h, found, err := readHead(b)
	if err != nil {
		rep.Altered = append(rep.Altered, Altered{ID: rep.LastID, Reason: "head"})
	}
	if !found {
		// Nothing to say of an archive that never held a letter.
		rep.HeadBuilt = prevSeq > 0 || b.Sequence() > 0
		h = Head{Count: rep.Count, Seq: prevSeq, ID: rep.LastID, Hash: prevHash, Built: rep.HeadBuilt}
	}
	rep.Anchored = h
	// The bucket's own counter is the last sequence handed out: it anchors the end of
	// the chain even in a dossier without a stored head.
	end := max(h.Seq, b.Sequence())
	switch {
	case end > prevSeq && rep.Count == 0:
		rep.Altered = append(rep.Altered, Altered{ID: ID(1), Reason: "all", To: ID(end), Count: int(end)})
	case end > prevSeq:
		rep.Altered = append(rep.Altered, Altered{ID: ID(prevSeq + 1), Reason: "deleted", To: ID(end), Count: int(end - prevSeq)})
	case found && err == nil && h.Seq < prevSeq:
		// Records after the anchored head: appended without Issue.
		rep.Altered = append(rep.Altered, Altered{ID: ID(h.Seq + 1), Reason: "head"})
	case found && err == nil && h.Seq == prevSeq && prevSeq > 0:
		if h.Hash != prevHash {
			rep.Altered = append(rep.Altered, Altered{ID: rep.LastID, Reason: "head"})
		} else if !full && lastV != nil {
			// The quick form still recomputes the last record's hash.
			if _, _, reason := checkRecord(b, prevSeq, lastV, true); reason != "" {
				rep.Altered = append(rep.Altered, Altered{ID: rep.LastID, Reason: reason})
			}
		}
	}
	return rep, nil
}

// checkRecord returns a record's link and hash and, when full, why its content does
// not match ("" when it does); quickly, only "decode" when the links cannot be read.
func checkRecord(b *bolt.Bucket, seq uint64, v []byte, full bool) (prev, hash, reason string) {
	if !full {
		prev, hash, ok := links(v)
		if !ok {
			return "", "", "decode"
		}
		return prev, hash, ""
	}
	var r Record
	if err := json.Unmarshal(v, &r); err != nil || r.Seq != seq {
		return "", "", "decode"
	}
	if hashOf(r) != r.Hash {
		return r.Prev, r.Hash, "hash"
	}
	pdf := b.Get(key('p', seq))
	sum := sha256.Sum256(pdf)
	switch {
	case pdf == nil:
		return r.Prev, r.Hash, "missing"
	case hex.EncodeToString(sum[:]) != r.PDFHash || len(pdf) != r.PDFSize:
		return r.Prev, r.Hash, "pdf"
	}
	return r.Prev, r.Hash, ""
}

var (
	prevField = []byte(`"prev":"`)
	hashField = []byte(`"hash":"`)
)

// links reads a record's prev and hash without decoding it: they are its last two
// fields, and their names cannot appear unescaped inside a string value.
func links(v []byte) (prev, hash string, ok bool) {
	hex := func(field []byte) (string, bool) {
		i := bytes.LastIndex(v, field)
		if i < 0 {
			return "", false
		}
		rest := v[i+len(field):]
		j := bytes.IndexByte(rest, '"')
		if j < 0 || j != 0 && j != 64 {
			return "", false
		}
		return string(rest[:j]), true
	}
	prev, ok1 := hex(prevField)
	hash, ok2 := hex(hashField)
	return prev, hash, ok1 && ok2 && hash != ""
}
