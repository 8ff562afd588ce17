package mail

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func TestWriteParses(t *testing.T) {
	pdf := []byte("%PDF-1.4 fake\x00\xff")
	m := Message{From: mail.Address{Name: "Société Exemple SAS", Address: "recouvrement@exemple.fr"},
		To: mail.Address{Name: "Agence Renard", Address: "compta@renard.fr"}, Subject: "Relance – facture n° FA1 échue",
		Date: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Body: "Madame, Monsieur,\n\nCi-joint notre courrier : 1\u202f234,56\u00a0€.",
		Attachments: []Attachment{{Name: "r1.pdf", ContentType: "application/pdf", Data: pdf}}}
	var a, b bytes.Buffer
	if err := Write(&a, m); err != nil {
		t.Fatal(err)
	}
	Write(&b, m)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("not reproducible")
	}
	msg, err := mail.ReadMessage(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// A draft to send (Outlook), dated as given, in the given zone.
	if msg.Header.Get("X-Unsent") != "1" {
		t.Errorf("X-Unsent %q", msg.Header.Get("X-Unsent"))
	}
	cet := m
	cet.Date = time.Date(2026, 11, 23, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	var c bytes.Buffer
	if err := Write(&c, cet); err != nil {
		t.Fatal(err)
	}
	cm, err := mail.ReadMessage(&c)
	if err != nil {
		t.Fatal(err)
	}
	if d := cm.Header.Get("Date"); d != "Mon, 23 Nov 2026 12:00:00 +0100" {
		t.Errorf("date header %q", d)
	}
	subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subj != m.Subject {
		t.Errorf("subject %q", subj)
	}
	_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	r := multipart.NewReader(msg.Body, params["boundary"])
	p, _ := r.NextPart()
	text, _ := io.ReadAll(p)
	if !strings.Contains(string(text), "1\u202f234,56\u00a0€") {
		t.Errorf("body %q", text)
	}
	p, _ = r.NextPart()
	if p.FileName() != "r1.pdf" {
		t.Errorf("attachment %q", p.FileName())
	}
	if err := Write(io.Discard, Message{From: m.From, To: mail.Address{Address: "not an address"}, Date: m.Date}); err == nil {
		t.Error("bad address accepted")
	}
}
