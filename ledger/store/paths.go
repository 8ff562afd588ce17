package store

import (
	"os"
	"path/filepath"
	"runtime"
)

// DataDir returns the folder where Relance keeps the user's own dossiers (the demo
// dossier among them): $XDG_DATA_HOME/relance or ~/.local/share/relance on Linux,
// %LOCALAPPDATA%\Relance on Windows, ~/Library/Application Support/Relance on macOS.
// It creates the folder (0700) if needed.
func DataDir() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("LOCALAPPDATA")
		if dir == "" {
			d, err := os.UserConfigDir()
			if err != nil {
				return "", err
			}
			dir = d
		}
		dir = filepath.Join(dir, "Relance")
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, "Library", "Application Support", "Relance")
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share")
		}
		dir = filepath.Join(dir, "relance")
	}
	return dir, os.MkdirAll(dir, 0o700)
}

// DossierExt is the extension of a new dossier's file. It is Relance's own, so that the
// Windows installer and the Linux desktop file can associate it with the program
// (double-clicking a dossier opens it). Dossiers made before it are ".db" files (as is the
// demo): they still open; a dossier file may carry any name.
const DossierExt = ".relance"

// DossierExts are the extensions an open dialog lists for dossiers: DossierExt, then ".db".
func DossierExts() []string { return []string{DossierExt, ".db"} }

// DemoPath returns the path of the user's demo dossier (which may not exist yet).
func DemoPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "demo-societe-exemple.db"), nil
}
