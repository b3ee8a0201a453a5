# A stand-in for a built web app, so the preflight engine can be tested without building one.
# Reads ASPNETCORE_URLS like Kestrel; behaviour chosen by argv[1]:
#   healthy      /health 200; /gated is 404 unless FLAG_GATED=1; /missing always 404
#   crash-flag   crashes at start (like ValidateOnStart) when FLAG_WEBAUTHN_REGISTRATION=1
#   unhealthy    /health answers 503 forever
#   silent       never listens
import os, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

mode = sys.argv[1]
url = os.environ["ASPNETCORE_URLS"]
port = int(url.rsplit(":", 1)[1])

if mode == "crash-flag" and os.environ.get("FLAG_WEBAUTHN_REGISTRATION") == "1":
    print("info: Microsoft.Hosting.Lifetime[0] starting", flush=True)
    print("Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: "
          "WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set", file=sys.stderr, flush=True)
    print("   at Microsoft.Extensions.Options.OptionsFactory`1.Create(String name)", file=sys.stderr, flush=True)
    sys.exit(134)

if mode == "silent":
    time.sleep(120)
    sys.exit(0)

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def do_GET(self):
        if self.path == "/health":
            self.send_response(503 if mode == "unhealthy" else 200)
        elif self.path == "/gated" and os.environ.get("FLAG_GATED") == "1":
            self.send_response(200)
        else:
            self.send_response(404)
        self.end_headers()

HTTPServer(("127.0.0.1", port), Handler).serve_forever()
