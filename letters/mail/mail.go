// Package mail writes an e-mail as a .eml file (RFC 5322, MIME multipart/mixed): a
// UTF-8 plain-text body and attachments, ready to open in a mail client and send. It
// uses only the standard library and never sends anything itself.
package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	"relance/ledger"
)

// Attachment is a file attached to a message.
type Attachment struct {
	Name        string
	ContentType string // "application/pdf"
	Data        []byte
}

// Message is an e-mail to write.
type Message struct {
	From, To    mail.Address
	Subject     string
	Date        time.Time // required: the package never reads the clock
	Body        string    // plain text, UTF-8
	Attachments []Attachment
}

// Write writes m as an RFC 5322 message to w, marked unsent (X-Unsent: 1) so that the
// mail program opens it as a draft to send; the Date header is m.Date in its own zone.
// The Message-ID is derived from the content, so the same message always gives the same
// bytes.
func Write(w io.Writer, m Message) error {
	if m.Date.IsZero() {
		return &ledger.Problem{Key: "letters.archive.err.field", Args: []string{"field", "date"}}
	}
	for _, a := range []mail.Address{m.From, m.To} {
		if _, err := mail.ParseAddress(a.Address); err != nil {
			return &ledger.Problem{Key: "letters.mail.err.address", Args: []string{"value", a.Address}, Err: err}
		}
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	sum := sha256.New()
	fmt.Fprint(sum, m.From.Address, m.To.Address, m.Subject, m.Date.Unix(), m.Body)
	for _, a := range m.Attachments {
		sum.Write(a.Data)
	}
	digest := hex.EncodeToString(sum.Sum(nil))
	if err := mw.SetBoundary("relance-" + digest[:32]); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	pw, err := mw.CreatePart(h)
	if err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	qp := quotedprintable.NewWriter(pw)
	if _, err := qp.Write([]byte(strings.ReplaceAll(m.Body, "\n", "\r\n"))); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	if err := qp.Close(); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	for _, a := range m.Attachments {
		ct := a.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", mime.FormatMediaType(ct, map[string]string{"name": a.Name}))
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
		h.Set("Content-Transfer-Encoding", "base64")
		pw, err := mw.CreatePart(h)
		if err != nil {
			return fmt.Errorf("mail: %w", err)
		}
		if err := writeBase64(pw, a.Data); err != nil {
			return err
		}
	}
	if err := mw.Close(); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	var head bytes.Buffer
	hdr := func(k, v string) { head.WriteString(k + ": " + v + "\r\n") }
	hdr("From", m.From.String())
	hdr("To", m.To.String())
	hdr("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	hdr("Date", m.Date.Format(time.RFC1123Z))
	domain := "relance.invalid"
	if at := strings.LastIndexByte(m.From.Address, '@'); at >= 0 {
		domain = m.From.Address[at+1:]
	}
	hdr("Message-ID", "<"+digest[:40]+"@"+domain+">")
	// A message not yet sent: Outlook opens the file as a draft with a Send button
	// (other programs ignore the header).
	hdr("X-Unsent", "1")
	hdr("MIME-Version", "1.0")
	hdr("Content-Type", "multipart/mixed; boundary=\""+mw.Boundary()+"\"")
	head.WriteString("\r\n")
	if _, err := w.Write(head.Bytes()); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	if _, err := w.Write(body.Bytes()); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	return nil
}

// writeBase64 writes data in base64 lines of 76 characters (RFC 2045).
func writeBase64(w io.Writer, data []byte) error {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 0 {
		n := min(76, len(enc))
		if _, err := io.WriteString(w, enc[:n]+"\r\n"); err != nil {
			return fmt.Errorf("mail: %w", err)
		}
		enc = enc[n:]
	}
	return nil
}
