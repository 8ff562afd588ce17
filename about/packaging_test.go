package about

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger/store"
)

// The Linux package's metadata (packaging/linux) and the Windows installer
// (packaging/windows) name the same version, extension and media type as the program.
func TestPackagingMetadata(t *testing.T) {
	read := func(parts ...string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(append([]string{".."}, parts...)...))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	var meta struct {
		ID       string `xml:"id"`
		Licence  string `xml:"project_license"`
		Releases []struct {
			Version string `xml:"version,attr"`
		} `xml:"releases>release"`
		Provides struct {
			Binary    string `xml:"binary"`
			MediaType string `xml:"mediatype"`
		} `xml:"provides"`
	}
	if err := xml.Unmarshal([]byte(read("packaging", "linux", "fr.relance.app.metainfo.xml")), &meta); err != nil {
		t.Fatalf("metainfo: %v", err)
	}
	if len(meta.Releases) == 0 || meta.Releases[0].Version != Version {
		t.Errorf("metainfo's latest release %+v, want %s (about.Version)", meta.Releases, Version)
	}
	if !strings.Contains(read("FyneApp.toml"), `ID = "`+meta.ID+`"`) || meta.Licence != "Apache-2.0" {
		t.Errorf("metainfo id %q / licence %q do not match FyneApp.toml and LICENSE", meta.ID, meta.Licence)
	}

	var mime struct {
		Types []struct {
			Type string `xml:"type,attr"`
			Glob []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
		} `xml:"mime-type"`
	}
	if err := xml.Unmarshal([]byte(read("packaging", "linux", "fr.relance.app.mime.xml")), &mime); err != nil {
		t.Fatalf("mime: %v", err)
	}
	if len(mime.Types) != 1 || len(mime.Types[0].Glob) != 1 || mime.Types[0].Glob[0].Pattern != "*"+store.DossierExt ||
		mime.Types[0].Type != meta.Provides.MediaType {
		t.Errorf("mime type %+v, want *%s as %s", mime.Types, store.DossierExt, meta.Provides.MediaType)
	}

	desktop := read("packaging", "linux", "fr.relance.app.desktop")
	for _, line := range []string{"Exec=relance %f", "MimeType=" + meta.Provides.MediaType + ";", "Icon=" + meta.ID} {
		if !strings.Contains(desktop, "\n"+line+"\n") {
			t.Errorf("desktop file lacks %q", line)
		}
	}

	nsi := read("packaging", "windows", "relance.nsi")
	if !strings.Contains(nsi, `!define DOSSIER_EXT "`+store.DossierExt+`"`) {
		t.Errorf("installer does not associate %s", store.DossierExt)
	}
	if !strings.Contains(read("packaging", "windows", "relance-cli.manifest"), "asInvoker") {
		t.Error("relance-cli's manifest asks for elevation")
	}
}
