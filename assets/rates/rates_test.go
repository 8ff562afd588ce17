package rates

import (
	"strings"
	"testing"
)

// Every table must be there, name its source and have a header row.
func TestFilesHaveSourceAndHeader(t *testing.T) {
	for _, name := range []string{ECBFile, LegalFile, UKFile} {
		b, err := Read(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s := string(b)
		if !strings.Contains(s, "https://") {
			t.Errorf("%s: no source URL in the header", name)
		}
		var header string
		for _, line := range strings.Split(s, "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				header = line
				break
			}
		}
		if !strings.Contains(header, "date") && !strings.Contains(header, "half") {
			t.Errorf("%s: first data line %q is not a header", name, header)
		}
	}
	if _, err := Read("nosuch.csv"); err == nil {
		t.Error("reading a missing table should fail")
	}
}
