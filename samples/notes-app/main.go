// Command app is the notes app of the containers lab (003): one binary, two modes.
//
//	app -mode=backend -run-migrations -port=8081 -db-host=db
//	app -mode=frontend -port=8080 -backend-service=http://backend:8081
//
// The backend stores notes in MySQL/MariaDB; the frontend shows them and adds new ones through the backend.
// Both answer /healthz and /version. The database password comes from DB_PASSWORD (or -db-password, as in the lab).
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

// Version is what /version prints; the lab declares it as a const in main.go.
const Version = "1.0.0"

func main() {
	mode := flag.String("mode", "", "frontend or backend")
	port := flag.Int("port", 8080, "port to listen on")
	backendURL := flag.String("backend-service", "http://127.0.0.1:8081", "backend base URL (frontend mode)")
	dbHost := flag.String("db-host", "127.0.0.1", "database host (backend mode)")
	dbPort := flag.Int("db-port", 3306, "database port (backend mode)")
	dbUser := flag.String("db-user", "root", "database user (backend mode)")
	dbPassword := flag.String("db-password", "", "database password (backend mode; DB_PASSWORD if empty)")
	dbName := flag.String("db-name", "notes", "database name (backend mode)")
	migrate := flag.Bool("run-migrations", false, "create the database and table if missing (backend mode)")
	dbWait := flag.Duration("db-wait", 30*time.Second, "how long to wait for the database at start-up (backend mode)")
	flag.Parse()

	var handler http.Handler
	switch *mode {
	case "backend":
		password := *dbPassword
		if password == "" {
			password = os.Getenv("DB_PASSWORD")
		}
		store, err := OpenMySQL(MySQLConfig{Host: *dbHost, Port: *dbPort, User: *dbUser, Password: password, Database: *dbName})
		if err != nil {
			log.Fatalf("backend: %v", err)
		}
		if err := WaitForDatabase(store, *dbWait); err != nil {
			log.Fatalf("backend: database %s:%d not reachable within %s: %v", *dbHost, *dbPort, *dbWait, err)
		}
		if *migrate {
			if err := store.Migrate(); err != nil {
				log.Fatalf("backend: migrations failed: %v", err)
			}
			log.Printf("backend: migrations applied to database %s", *dbName)
		}
		handler = NewBackend(store)
	case "frontend":
		handler = NewFrontend(*backendURL, &http.Client{Timeout: 5 * time.Second})
	default:
		fmt.Fprintln(os.Stderr, "app: -mode must be frontend or backend")
		os.Exit(2)
	}
	address := fmt.Sprintf(":%d", *port)
	log.Printf("%s %s listening on %s", *mode, Version, address)
	log.Fatal(http.ListenAndServe(address, logRequests(handler)))
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		recorder := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(recorder, r)
		log.Printf("%s %s %d", r.Method, r.URL.Path, recorder.status)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}
