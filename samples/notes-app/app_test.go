package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

type memoryStore struct {
	mu    sync.Mutex
	notes []Note
	down  bool
}

func (m *memoryStore) Ping() error {
	if m.down {
		return errors.New("connection refused")
	}
	return nil
}

func (m *memoryStore) List() ([]Note, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.down {
		return nil, errors.New("connection refused")
	}
	return append([]Note{}, m.notes...), nil
}

func (m *memoryStore) Add(text string) (Note, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.down {
		return Note{}, errors.New("connection refused")
	}
	n := Note{ID: int64(len(m.notes) + 1), Text: text, Created: time.Now()}
	m.notes = append(m.notes, n)
	return n, nil
}

func do(t *testing.T, h http.Handler, method, path, body, contentType string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestBackendStoresAndListsNotes(t *testing.T) {
	store := &memoryStore{}
	h := NewBackend(store)
	if w := do(t, h, "POST", "/notes", `{"text":"  buy milk "}`, "application/json"); w.Code != http.StatusCreated {
		t.Fatalf("POST /notes = %d %s", w.Code, w.Body)
	}
	w := do(t, h, "GET", "/notes", "", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"text":"buy milk"`) {
		t.Fatalf("GET /notes = %d %s", w.Code, w.Body)
	}
	if got := w.Header().Get("Content-Type"); got != "application/json" {
		t.Fatalf("content type %q", got)
	}
}

func TestBackendRefusesBadNotes(t *testing.T) {
	h := NewBackend(&memoryStore{})
	for _, body := range []string{`{"text":"   "}`, `not json`, `{"text":"` + strings.Repeat("x", MaxNoteLength+1) + `"}`} {
		if w := do(t, h, "POST", "/notes", body, "application/json"); w.Code != http.StatusBadRequest {
			t.Errorf("POST %q = %d, want 400", body[:min(len(body), 20)], w.Code)
		}
	}
	if w := do(t, h, "DELETE", "/notes", "", ""); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("DELETE = %d", w.Code)
	}
}

func TestBackendHealthFollowsTheDatabase(t *testing.T) {
	store := &memoryStore{}
	h := NewBackend(store)
	if w := do(t, h, "GET", "/healthz", "", ""); w.Code != http.StatusOK {
		t.Fatalf("healthz with db up = %d", w.Code)
	}
	store.down = true
	if w := do(t, h, "GET", "/healthz", "", ""); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("healthz with db down = %d", w.Code)
	}
	if w := do(t, h, "GET", "/notes", "", ""); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("notes with db down = %d", w.Code)
	}
}

func TestVersion(t *testing.T) {
	w := do(t, NewBackend(&memoryStore{}), "GET", "/version", "", "")
	if strings.TrimSpace(w.Body.String()) != Version {
		t.Fatalf("version = %q", w.Body)
	}
}

func TestFrontendAddsThroughTheBackendAndShowsEscapedNotes(t *testing.T) {
	store := &memoryStore{}
	backend := httptest.NewServer(NewBackend(store))
	defer backend.Close()
	h := NewFrontend(backend.URL, backend.Client())

	form := url.Values{"text": {"<b>hello</b>"}}.Encode()
	w := do(t, h, "POST", "/notes", form, "application/x-www-form-urlencoded")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("POST /notes = %d %s", w.Code, w.Header())
	}
	if len(store.notes) != 1 || store.notes[0].Text != "<b>hello</b>" {
		t.Fatalf("stored %+v", store.notes)
	}
	page := do(t, h, "GET", "/", "", "")
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), "&lt;b&gt;hello&lt;/b&gt;") {
		t.Fatalf("GET / = %d %s", page.Code, page.Body)
	}
}

func TestFrontendHealthNeedsTheBackend(t *testing.T) {
	store := &memoryStore{}
	backend := httptest.NewServer(NewBackend(store))
	h := NewFrontend(backend.URL, backend.Client())
	if w := do(t, h, "GET", "/healthz", "", ""); w.Code != http.StatusOK {
		t.Fatalf("healthz = %d", w.Code)
	}
	store.down = true
	if w := do(t, h, "GET", "/healthz", "", ""); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("healthz with backend's db down = %d", w.Code)
	}
	backend.Close()
	if w := do(t, h, "GET", "/healthz", "", ""); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("healthz with backend gone = %d", w.Code)
	}
	if w := do(t, h, "GET", "/", "", ""); w.Code != http.StatusBadGateway {
		t.Fatalf("GET / with backend gone = %d", w.Code)
	}
}

func TestDatabaseNameMustBeAnIdentifier(t *testing.T) {
	if _, err := OpenMySQL(MySQLConfig{Host: "db", Port: 3306, Database: "notes`; DROP"}); err == nil {
		t.Fatal("a database name with a backtick was accepted")
	}
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}
