//go:build unix

package badinput

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFIFORefused checks that a named pipe given to each import command is refused at
// once, naming it, instead of blocking forever. The commands run in a child process so
// that a blocked open can be killed.
func TestFIFORefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "123456789FEC20251231.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	csv := filepath.Join(dir, "clients.csv")
	if err := syscall.Mkfifo(csv, 0o600); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", fifo},
		{"import", csv},
		{"import-customers", csv},
		{"bank", "import", csv},
		{"rates", "import", csv},
		{"import", os.DevNull},
		{"import", dir},
	} {
		db := demoCopy(t)
		full := append([]string{args[0]}, args[1:len(args)-1]...)
		full = append(full, "--db", db, args[len(args)-1])
		cmd := exec.Command(exe, full...)
		cmd.Env = append(os.Environ(), childEnv+"=1", "RELANCE_LANG=fr")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(20 * time.Second):
			if kerr := cmd.Process.Kill(); kerr != nil {
				t.Log(kerr)
			}
			<-done
			t.Errorf("%v: still running after 20 s", full)
			continue
		}
		msg := errb.String()
		if err == nil || !strings.Contains(msg, args[len(args)-1]) ||
			!(strings.Contains(msg, "tube nommé") || strings.Contains(msg, "périphérique") || strings.Contains(msg, "est un dossier")) {
			t.Errorf("%v: err %v after %v, message %q", full, err, time.Since(start).Round(time.Millisecond), msg)
		}
	}
}
