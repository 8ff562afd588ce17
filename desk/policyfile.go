package desk

import (
	"io"

	"relance/ledger/risk"
)

// PolicyFile is the export of a dossier's risk policy.
type PolicyFile struct {
	FileHeader
	Policy risk.Policy `json:"policy"`
}

// ExportRiskPolicy writes the dossier's risk policy to w as a settings file
// (KindRiskPolicy).
func (s *Session) ExportRiskPolicy(w io.Writer) error {
	p, err := s.RiskPolicy()
	if err != nil {
		return err
	}
	return writeAdminFile(w, PolicyFile{FileHeader{KindRiskPolicy, FileVersion}, p})
}

// ImportRiskPolicy reads data, a risk-policy file named name (ExportRiskPolicy), and
// records its policy in one transaction, checked as a whole as the window's editor
// checks it (risk.Policy.Validate): the first bad field is named with its line.
func (s *Session) ImportRiskPolicy(name string, data []byte) error {
	var f PolicyFile
	doc, err := readAdminFile(name, data, KindRiskPolicy, &f)
	if err != nil {
		return err
	}
	if err := f.Policy.Validate(); err != nil {
		return doc.at("policy."+problemArg(err, "field"), err)
	}
	return s.SaveRiskPolicy(f.Policy)
}
