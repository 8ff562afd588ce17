package cli

import (
	"fmt"
	"io"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/decomptepdf"
	"relance/letters/pdfdoc"
)

// writePenaltiesPDF writes the décompte d as a one-section PDF report at path: the
// lines, the totals and the notes, warnings first in the alert colour.
func writePenaltiesPDF(env *Env, d *law.Decompte, path string, company *ledger.Company) error {
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	title := i18n.T(env.Lang, "law.pdf.title")
	meta := pdfdoc.Meta{Title: title, Lang: env.Lang, Currency: d.Currency, Created: env.Today.Time()}
	err := letters.WriteFile(path, func(w io.Writer) error {
		return f.Render(w, meta, func(doc *pdfdoc.Doc) error {
			decomptepdf.Draw(doc, d, company, title)
			return nil
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "credit.cli.written", "file", path))
	return nil
}
