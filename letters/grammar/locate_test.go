package grammar

import (
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"relance/ledger"
)

// fakeMachine is a computer made of files (folders are implied by their paths), an
// environment and the programs exec.LookPath would find.
func fakeMachine(goos string, env map[string]string, files []string, inPath map[string]string) machine {
	sep := "/"
	if goos == "windows" {
		sep = `\`
	}
	dirs := map[string]bool{}
	isFile := map[string]bool{}
	for _, f := range files {
		isFile[f] = true
		for i := strings.LastIndex(f, sep); i > 0; i = strings.LastIndex(f[:i], sep) {
			dirs[f[:i]] = true
		}
	}
	return machine{
		goos:   goos,
		getenv: func(k string) string { return env[k] },
		lookPath: func(n string) (string, error) {
			if p, ok := inPath[n]; ok {
				return p, nil
			}
			return "", exec.ErrNotFound
		},
		isFile: func(p string) bool { return isFile[p] },
		isDir:  func(p string) bool { return dirs[p] },
		subdirs: func(p string) []string {
			var out []string
			p = strings.TrimSuffix(p, sep) // C:\ is the drive's root
			for d := range dirs {
				if rest, ok := strings.CutPrefix(d, p+sep); ok && !strings.Contains(rest, sep) {
					out = append(out, rest)
				}
			}
			slices.Sort(out)
			return out
		},
	}
}

// A Windows user's environment.
var winEnv = map[string]string{
	"LOCALAPPDATA": `C:\Users\Anne\AppData\Local`, "USERPROFILE": `C:\Users\Anne`,
	"ProgramFiles": `C:\Program Files`, "ProgramFiles(x86)": `C:\Program Files (x86)`,
	"SystemDrive": "C:", "PATH": `C:\Windows\system32;C:\Windows;C:\Users\Anne\AppData\Local\Microsoft\WindowsApps`,
}

const pyLauncher = `C:\Windows\py.exe`

func TestLocateWindows(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		files  []string
		inPath map[string]string
		script string
		python []string
	}{
		{"unpacked under Programs, py launcher",
			nil, []string{`C:\Users\Anne\AppData\Local\Programs\Grammalecte\grammalecte-server.py`},
			map[string]string{"py": pyLauncher},
			`C:\Users\Anne\AppData\Local\Programs\Grammalecte\grammalecte-server.py`, []string{pyLauncher, "-3"}},
		{"Extract All's folder inside Grammalecte, newest version first",
			nil, []string{
				`C:\Program Files\Grammalecte\Grammalecte-fr-v2.1.9\grammalecte-server.py`,
				`C:\Program Files\Grammalecte\Grammalecte-fr-v2.1.10\grammalecte-server.py`},
			map[string]string{"py": pyLauncher},
			`C:\Program Files\Grammalecte\Grammalecte-fr-v2.1.10\grammalecte-server.py`, []string{pyLauncher, "-3"}},
		{"left in Downloads, python.exe in PATH",
			nil, []string{`C:\Users\Anne\Downloads\Grammalecte-fr-v2.1.2\grammalecte-server.py`},
			map[string]string{"python": `C:\Python312\python.exe`},
			`C:\Users\Anne\Downloads\Grammalecte-fr-v2.1.2\grammalecte-server.py`, []string{`C:\Python312\python.exe`}},
		{"Programs beats Downloads; per-user Python without PATH, the newest",
			nil, []string{
				`C:\Users\Anne\Downloads\Grammalecte-fr-v2.1.2\grammalecte-server.py`,
				`C:\Users\Anne\AppData\Local\Programs\grammalecte\grammalecte-server.py`,
				`C:\Users\Anne\AppData\Local\Programs\Python\Python39\python.exe`,
				`C:\Users\Anne\AppData\Local\Programs\Python\Python313\python.exe`},
			map[string]string{"python": `C:\Users\Anne\AppData\Local\Microsoft\WindowsApps\python.exe`},
			`C:\Users\Anne\AppData\Local\Programs\grammalecte\grammalecte-server.py`,
			[]string{`C:\Users\Anne\AppData\Local\Programs\Python\Python313\python.exe`}},
		{"only the Store's alias",
			nil, []string{`C:\Grammalecte\grammalecte-server.py`},
			map[string]string{"python": `C:\Users\Anne\AppData\Local\Microsoft\WindowsApps\python.exe`},
			`C:\Grammalecte\grammalecte-server.py`, []string{`C:\Users\Anne\AppData\Local\Microsoft\WindowsApps\python.exe`}},
		{"in a folder of PATH",
			map[string]string{"PATH": `C:\Tools\;C:\Windows`}, []string{`C:\Tools\grammalecte-server.py`},
			map[string]string{"py": pyLauncher},
			`C:\Tools\grammalecte-server.py`, []string{pyLauncher, "-3"}},
		{"RELANCE_GRAMMALECTE names the folder",
			map[string]string{"RELANCE_GRAMMALECTE": `D:\Outils\GL`},
			[]string{`D:\Outils\GL\grammalecte-server.py`, `C:\Grammalecte\grammalecte-server.py`},
			map[string]string{"py": pyLauncher},
			`D:\Outils\GL\grammalecte-server.py`, []string{pyLauncher, "-3"}},
		{"a program that is not a Python script runs itself",
			map[string]string{"RELANCE_GRAMMALECTE": `D:\gl\server.exe`}, []string{`D:\gl\server.exe`},
			nil, `D:\gl\server.exe`, nil},
	}
	for _, tt := range tests {
		env := map[string]string{}
		for k, v := range winEnv {
			env[k] = v
		}
		for k, v := range tt.env {
			env[k] = v
		}
		p, err := locate(fakeMachine("windows", env, tt.files, tt.inPath), "")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if p.script != tt.script || !slices.Equal(p.python, tt.python) {
			t.Errorf("%s: found %q run by %q, want %q run by %q", tt.name, p.script, p.python, tt.script, tt.python)
		}
	}
}

func TestLocateLinux(t *testing.T) {
	env := map[string]string{"HOME": "/home/anne", "PATH": "/usr/bin:/bin"}
	tests := []struct {
		name   string
		files  []string
		inPath map[string]string
		script string
	}{
		{"Debian package, in PATH", []string{"/usr/bin/grammalecte-server"},
			map[string]string{"grammalecte-server": "/usr/bin/grammalecte-server"}, "/usr/bin/grammalecte-server"},
		{"Debian package, PATH without /usr/bin", []string{"/usr/bin/grammalecte-server"}, nil, "/usr/bin/grammalecte-server"},
		{"zip unpacked in the home folder", []string{"/home/anne/Grammalecte-fr-v2.1.2/grammalecte-server.py"}, nil,
			"/home/anne/Grammalecte-fr-v2.1.2/grammalecte-server.py"},
		{"zip unpacked in /opt/grammalecte", []string{"/opt/grammalecte/grammalecte-server.py"}, nil,
			"/opt/grammalecte/grammalecte-server.py"},
	}
	for _, tt := range tests {
		p, err := locate(fakeMachine("linux", env, tt.files, tt.inPath), "")
		if err != nil || p.script != tt.script || p.python != nil {
			t.Errorf("%s: %+v %v, want %s", tt.name, p, err, tt.script)
		}
	}
	if p, err := locate(fakeMachine("linux", env, []string{"/srv/gl/grammalecte-server"}, nil), "/srv/gl/grammalecte-server"); err != nil || p.script != "/srv/gl/grammalecte-server" {
		t.Errorf("Options.Server: %+v %v", p, err)
	}
}

// What the user reads when Grammalecte cannot be used: plain words for the platform, no
// path, no Go error; the detail stays in Error (logs).
func TestLocateMessages(t *testing.T) {
	tests := []struct {
		name     string
		goos     string
		env      map[string]string
		files    []string
		explicit string
		reason   string
		fr, en   []string // words the message must hold
	}{
		{"Linux, nothing installed", "linux", map[string]string{"HOME": "/home/anne"}, nil, "", "lang23.grammar.missing",
			[]string{"désactivée", "n’est pas installé", "sudo apt install grammalecte-cli python3-grammalecte python3-bottle"},
			[]string{"is off", "not installed", "Debian or Ubuntu"}},
		{"Windows, nothing installed", "windows", winEnv, nil, "", "lang23.grammar.missing",
			[]string{"n’est pas installé", "grammalecte.net", "Python 3", "python.org"},
			[]string{"not installed", "grammalecte.net", "Python 3", "python.org"}},
		{"Windows, no Python", "windows", winEnv, []string{`C:\Users\Anne\AppData\Local\Programs\Grammalecte\grammalecte-server.py`}, "",
			"lang23.grammar.nopython", []string{"Python 3 est introuvable", "python.org"}, []string{"Python 3 cannot be found", "python.org"}},
		{"macOS, nothing installed", "darwin", map[string]string{"HOME": "/Users/anne"}, nil, "", "lang23.grammar.missing",
			[]string{"grammalecte.net", "Python 3"}, []string{"grammalecte.net", "Python 3"}},
		{"a named server that is not there", "linux", nil, nil, "/nowhere/grammalecte-server", "lang23.grammar.missing",
			[]string{"sudo apt install"}, []string{"sudo apt install"}},
	}
	for _, tt := range tests {
		_, err := locate(fakeMachine(tt.goos, tt.env, tt.files, nil), tt.explicit)
		if !errors.Is(err, ErrUnavailable) || !errors.Is(err, &ledger.Problem{Key: tt.reason}) {
			t.Errorf("%s: %v does not match ErrUnavailable and %s", tt.name, err, tt.reason)
			continue
		}
		for lang, words := range map[string][]string{"fr": tt.fr, "en": tt.en} {
			msg := ledger.Localize(err, lang)
			for _, w := range words {
				if !strings.Contains(msg, w) {
					t.Errorf("%s (%s): %q lacks %q", tt.name, lang, msg, w)
				}
			}
			if strings.Contains(msg, "grammalecte-server") || strings.Contains(msg, "/nowhere") || strings.Contains(msg, "lang23.") ||
				strings.Contains(msg, `Local\Programs\Grammalecte\grammalecte`) {
				t.Errorf("%s (%s): a path or key shows: %q", tt.name, lang, msg)
			}
		}
		if !strings.Contains(err.Error(), "looked") && !strings.Contains(err.Error(), "not found") {
			t.Errorf("%s: the detail is not in Error: %q", tt.name, err.Error())
		}
	}
}

// Every reason and advice key the package can use is in the catalogue, for every platform.
func TestMessageKeys(t *testing.T) {
	for _, goos := range []string{"linux", "windows", "darwin", "freebsd"} {
		for _, key := range []string{"lang23.grammar.missing", "lang23.grammar.nopython", "lang23.grammar.failed", "lang23.grammar.noanswer"} {
			e := off(key, goos, errors.New("detail"))
			for _, lang := range []string{"fr", "en"} {
				msg := e.Localize(lang)
				if strings.Contains(msg, "lang23.") || strings.Contains(msg, "{") || strings.Contains(msg, "detail") {
					t.Errorf("%s %s %s: %q", goos, key, lang, msg)
				}
			}
		}
	}
}

func TestNewestFirst(t *testing.T) {
	got := newestFirst([]string{"Python39", "Python313", "Python310", "Python313-32", "Grammalecte-fr-v2.1.9", "Grammalecte-fr-v2.1.10"})
	want := []string{"Python313-32", "Python313", "Python310", "Python39", "Grammalecte-fr-v2.1.10", "Grammalecte-fr-v2.1.9"}
	if !slices.Equal(got, want) {
		t.Errorf("newestFirst: %q, want %q", got, want)
	}
}
