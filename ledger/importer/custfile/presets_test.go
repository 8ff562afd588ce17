package custfile_test

import (
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/importer"
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// The customer file's saved mappings are kept apart from the ledger import's, in the
// same bucket.
func TestPresetsApart(t *testing.T) {
	db, err := store.Create(filepath.Join(t.TempDir(), "p.db"), ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := custfile.SavePreset(db, tabular.Mapping{Name: " Sage ", Sep: ";", Columns: map[tabular.Field]string{custfile.Email: "Mail"}}); err != nil {
		t.Fatal(err)
	}
	if err := importer.SavePreset(db, tabular.Mapping{Name: "ledger", Columns: map[tabular.Field]string{tabular.Amount: "$F"}}); err != nil {
		t.Fatal(err)
	}
	if err := custfile.SavePreset(db, tabular.Mapping{Name: " "}); err == nil {
		t.Error("a mapping without a name was saved")
	}
	mine, err := custfile.Presets(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := mine["ledger"]; ok || mine["Sage"].Columns[custfile.Email] != "Mail" || !mine["generic"].Builtin {
		t.Errorf("customer file mappings %v", mine)
	}
	if names := custfile.PresetNames(mine); names[len(names)-1] != "Sage" || !mine[names[0]].Builtin {
		t.Errorf("names %v", names)
	}
	theirs, err := importer.Presets(db)
	if err != nil {
		t.Fatal(err)
	}
	for name := range theirs {
		if strings.Contains(name, "Sage") {
			t.Errorf("the ledger import lists the customer file's mapping %q", name)
		}
	}
	if _, err := custfile.Preset(db, "nope"); err == nil || !strings.Contains(ledger.Localize(err, "en"), "Sage") {
		t.Errorf("unknown preset: %v", err)
	}
}
