// Package rates embeds the dated rate tables that Relance's legal computations use:
// the ECB main refinancing rate history, the French legal interest rates per half-year
// and the Bank of England base rate on the UK Late Payment Act's reference days.
//
// The files are CSV with '#' comment lines giving their source; they are data, not code
// (DESIGN.md rule 6). The package only holds the bytes: ledger/law parses them into
// typed tables (decimal rates, civil dates) and answers lookups by date.
package rates

import "embed"

// File names of the embedded tables.
const (
	ECBFile   = "ecb_mro.csv"       // ECB MRO rate changes (date, rate_pct, kind)
	LegalFile = "fr_legal_rate.csv" // French legal interest rates (half, private_pct, other_pct, source)
	UKFile    = "uk_base_rate.csv"  // BoE base rate on 30 June / 31 December (date, base_pct)
)

//go:embed *.csv
var files embed.FS

// Read returns the content of one embedded table (ECBFile, LegalFile or UKFile).
func Read(name string) ([]byte, error) {
	return files.ReadFile(name)
}
