package templates

import (
	"encoding/json"
	"fmt"

	"relance/ledger"
	"relance/ledger/store"
)

// Bucket layout (store.BucketTemplates): key "<stage>.<lang>" → JSON Template, for
// the templates a user edited. A stage and language without a record uses the
// shipped template; restoring the shipped one deletes the record.

// Load returns the template of stage in lang: the dossier's edited one if any, else
// the shipped one.
func Load(tx *store.Tx, s Stage, lang string) (*Template, error) {
	if t, err := edited(tx, Key(s, lang)); err != nil || t != nil {
		return t, err
	}
	return Shipped(s, lang)
}

func edited(tx *store.Tx, key string) (*Template, error) {
	b := tx.Bolt().Bucket(store.BucketTemplates)
	if b == nil {
		return nil, nil
	}
	v := b.Get([]byte(key))
	if v == nil {
		return nil, nil
	}
	var t Template
	if err := json.Unmarshal(v, &t); err != nil {
		return nil, &ledger.Problem{Key: "letters.err.corrupt", Args: []string{"value", key}, Err: err}
	}
	t.Edited = true
	return &t, nil
}

// All returns every template (stage × language), edited ones marked.
func All(tx *store.Tx) ([]*Template, error) {
	var out []*Template
	for _, s := range Stages() {
		for _, l := range Languages {
			t, err := Load(tx, s, l)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// Save validates t and stores it in the dossier as the template of its stage and
// language, recording who changed it and when. Nothing is written when it is invalid.
func Save(tx *store.Tx, t *Template, by string, date ledger.Date) error {
	if err := t.Validate(); err != nil {
		return err
	}
	c := *t
	c.Edited, c.By, c.Date = true, by, date
	v, err := json.Marshal(&c)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	b := tx.Bolt().Bucket(store.BucketTemplates)
	if b == nil {
		return &ledger.Problem{Key: "letters.err.schema"}
	}
	return b.Put([]byte(c.Key()), v)
}

// Restore puts back the shipped template of stage in lang (deletes the edited one).
func Restore(tx *store.Tx, s Stage, lang string) error {
	if _, err := Shipped(s, lang); err != nil {
		return err
	}
	b := tx.Bolt().Bucket(store.BucketTemplates)
	if b == nil {
		return &ledger.Problem{Key: "letters.err.schema"}
	}
	return b.Delete([]byte(Key(s, lang)))
}
