//go:build ignore

// makefont regenerates the pre-built "relance-1252" fonts (DejaVuSans*-1252.json and
// .z) from subsets made by mksubset.sh. Run from this directory:
//
//	sh mksubset.sh && go run makefont.go
package main

import (
	"log"
	"os"
	"path/filepath"

	"codeberg.org/go-pdf/fpdf"
)

func main() {
	tmp := os.Getenv("SUBSET_DIR")
	if tmp == "" {
		log.Fatal("SUBSET_DIR is not set (run mksubset.sh)")
	}
	for _, f := range []string{"DejaVuSans-1252", "DejaVuSans-Bold-1252", "DejaVuSans-Oblique-1252"} {
		// MakeFont reads cp1252.map beside the encoding file as the reference for /Differences.
		err := fpdf.MakeFont(filepath.Join(tmp, f+".ttf"), filepath.Join(tmp, "relance-1252.map"), ".", os.Stderr, true)
		if err != nil {
			log.Fatal(err)
		}
	}
}
