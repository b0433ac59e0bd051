package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"
	"strings"
)

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>notes</title></head>
<body>
<h1>Notes</h1>
<p class="card">served by {{.Host}}, version {{.Version}}</p>
{{if .Error}}<p class="error">{{.Error}}</p>{{end}}
<ul>
{{range .Notes}}<li id="note-{{.ID}}">{{.Text}}</li>
{{else}}<li>No notes yet.</li>
{{end}}</ul>
<form method="post" action="/notes">
<input name="text" maxlength="500" placeholder="a note"> <button>Add</button>
</form>
</body></html>
`))

// NewFrontend shows the backend's notes at /, adds one on POST /notes (a form), and is healthy when the backend is.
func NewFrontend(backend string, client *http.Client) http.Handler {
	backend = strings.TrimRight(backend, "/")
	host, _ := os.Hostname()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		view := struct {
			Host, Version, Error string
			Notes                []Note
		}{Host: host, Version: Version}
		notes, err := fetchNotes(client, backend)
		status := http.StatusOK
		if err != nil {
			view.Error = "The backend did not answer: " + err.Error()
			status = http.StatusBadGateway
		}
		view.Notes = notes
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_ = page.Execute(w, view)
	})
	mux.HandleFunc("/notes", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		text, err := ValidateNote(r.FormValue("text"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body, _ := json.Marshal(map[string]string{"text": text})
		resp, err := client.Post(backend+"/notes", "application/json", bytes.NewReader(body))
		if err != nil {
			http.Error(w, "the backend did not answer: "+err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			detail, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
			http.Error(w, fmt.Sprintf("the backend answered %d: %s", resp.StatusCode, strings.TrimSpace(string(detail))), http.StatusBadGateway)
			return
		}
		http.Redirect(w, r, "/", http.StatusSeeOther)
	})
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		resp, err := client.Get(backend + "/healthz")
		if err != nil {
			http.Error(w, "backend unreachable: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			http.Error(w, fmt.Sprintf("backend unhealthy: HTTP %d", resp.StatusCode), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/version", versionHandler)
	return mux
}

func fetchNotes(client *http.Client, backend string) ([]Note, error) {
	resp, err := client.Get(backend + "/notes")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	var notes []Note
	if err := json.NewDecoder(resp.Body).Decode(&notes); err != nil {
		return nil, err
	}
	return notes, nil
}
