package main

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-sql-driver/mysql"
)

// MaxNoteLength is the longest note the table takes, in characters.
const MaxNoteLength = 500

// Note is one stored note.
type Note struct {
	ID      int64     `json:"id"`
	Text    string    `json:"text"`
	Created time.Time `json:"created"`
}

// Store keeps notes; MySQLStore is the real one, tests use a map.
type Store interface {
	Ping() error
	List() ([]Note, error)
	Add(text string) (Note, error)
}

// NewBackend serves GET/POST /notes, /healthz (the database answers) and /version.
func NewBackend(store Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/notes", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			notes, err := store.List()
			if err != nil {
				http.Error(w, "cannot read notes: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
			writeJSON(w, http.StatusOK, notes)
		case http.MethodPost:
			var body struct {
				Text string `json:"text"`
			}
			if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&body); err != nil {
				http.Error(w, "body must be JSON like {\"text\": \"...\"}", http.StatusBadRequest)
				return
			}
			text, err := ValidateNote(body.Text)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			note, err := store.Add(text)
			if err != nil {
				http.Error(w, "cannot store the note: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
			writeJSON(w, http.StatusCreated, note)
		default:
			w.Header().Set("Allow", "GET, POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := store.Ping(); err != nil {
			http.Error(w, "database unreachable: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/version", versionHandler)
	return mux
}

// ValidateNote trims the text and refuses empty or over-long notes.
func ValidateNote(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", errors.New("a note needs some text")
	}
	if utf8.RuneCountInString(text) > MaxNoteLength {
		return "", fmt.Errorf("a note is at most %d characters", MaxNoteLength)
	}
	return text, nil
}

func versionHandler(w http.ResponseWriter, _ *http.Request) {
	fmt.Fprintln(w, Version)
}

func writeJSON(w http.ResponseWriter, status int, value interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(value)
}

// MySQLConfig says where the database is.
type MySQLConfig struct {
	Host, User, Password, Database string
	Port                           int
}

// MySQLStore keeps notes in a MySQL or MariaDB table.
type MySQLStore struct {
	server *sql.DB // no database selected: for CREATE DATABASE
	db     *sql.DB
	name   string
}

// OpenMySQL prepares connections; nothing is dialled until the first query.
func OpenMySQL(c MySQLConfig) (*MySQLStore, error) {
	if !validIdentifier(c.Database) {
		return nil, fmt.Errorf("database name %q must be letters, digits and underscores", c.Database)
	}
	base := mysql.NewConfig()
	base.User = c.User
	base.Passwd = c.Password
	base.Net = "tcp"
	base.Addr = fmt.Sprintf("%s:%d", c.Host, c.Port)
	base.ParseTime = true
	base.Timeout = 3 * time.Second
	server, err := sql.Open("mysql", base.FormatDSN())
	if err != nil {
		return nil, err
	}
	withDB := base.Clone()
	withDB.DBName = c.Database
	db, err := sql.Open("mysql", withDB.FormatDSN())
	if err != nil {
		return nil, err
	}
	return &MySQLStore{server: server, db: db, name: c.Database}, nil
}

func validIdentifier(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, r := range name {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// WaitForDatabase pings until the server answers or the wait is over.
func WaitForDatabase(s *MySQLStore, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := s.server.Ping()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// Migrate creates the database and the notes table if they are missing; running it again changes nothing.
func (s *MySQLStore) Migrate() error {
	if _, err := s.server.Exec("CREATE DATABASE IF NOT EXISTS `" + s.name + "`"); err != nil {
		return err
	}
	_, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS notes (
		id BIGINT AUTO_INCREMENT PRIMARY KEY,
		text VARCHAR(500) NOT NULL,
		created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	) DEFAULT CHARSET=utf8mb4`)
	return err
}

func (s *MySQLStore) Ping() error {
	return s.db.Ping()
}

func (s *MySQLStore) List() ([]Note, error) {
	rows, err := s.db.Query("SELECT id, text, created FROM notes ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	notes := []Note{}
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Text, &n.Created); err != nil {
			return nil, err
		}
		notes = append(notes, n)
	}
	return notes, rows.Err()
}

func (s *MySQLStore) Add(text string) (Note, error) {
	result, err := s.db.Exec("INSERT INTO notes (text) VALUES (?)", text)
	if err != nil {
		return Note{}, err
	}
	id, err := result.LastInsertId()
	if err != nil {
		return Note{}, err
	}
	var n Note
	err = s.db.QueryRow("SELECT id, text, created FROM notes WHERE id = ?", id).Scan(&n.ID, &n.Text, &n.Created)
	return n, err
}
