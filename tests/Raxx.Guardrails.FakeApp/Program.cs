using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

// Reads ASPNETCORE_URLS like Kestrel; behaviour chosen by args[0] (or FAKEAPP_MODE):
//   healthy      /health 200; /gated is 404 unless FLAG_GATED=1; /missing always 404
//   crash-flag   crashes at start (like ValidateOnStart) when FLAG_WEBAUTHN_REGISTRATION=1, else healthy
//   unhealthy    /health answers 503 forever
//   silent       never listens
//   web          an ASP.NET Core minimal-API app with flag-gated routes (WebApp.cs)
var mode = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("FAKEAPP_MODE") ?? "healthy";
var url = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:5000";

if (mode == "web")
{
    Raxx.Guardrails.FakeApp.WebApp.Run(args);
    return 0;
}

if (mode == "crash-flag" && Environment.GetEnvironmentVariable("FLAG_WEBAUTHN_REGISTRATION") == "1")
{
    Console.WriteLine("info: Microsoft.Hosting.Lifetime[0] starting");
    Console.Error.WriteLine("Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: WebAuthn config validation failed — refusing to start: WEBAUTHN_RP_ID is not set");
    Console.Error.WriteLine("   at Microsoft.Extensions.Options.OptionsFactory`1.Create(String name)");
    return 134;
}

if (mode == "silent")
{
    Thread.Sleep(TimeSpan.FromMinutes(2));
    return 0;
}

// A minimal HTTP/1.1 responder on a TcpListener rather than HttpListener: HttpListener.Start() on Linux can throw
// ArgumentNullException when a connection arrives while it starts (dotnet/corefx#35191), and the boot runner polls
// /health exactly then — the stand-in crashed at random under load ("exited with code 134 … Value cannot be null").
var endpoint = new Uri(url);
var address = endpoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(endpoint.Host);
var listener = new TcpListener(address, endpoint.Port);
listener.Start();
Console.WriteLine("Now listening on: " + url);
while (true)
{
    using var client = listener.AcceptTcpClient();
    try
    {
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && request.Length < 65536)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                break;
            }
            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        // "GET /path?query HTTP/1.1"
        var requestLine = request.ToString().Split("\r\n")[0].Split(' ');
        var path = requestLine.Length > 1 ? requestLine[1].Split('?')[0] : "/";
        var status = path switch
        {
            "/health" => mode == "unhealthy" ? 503 : 200,
            "/gated" when Environment.GetEnvironmentVariable("FLAG_GATED") == "1" => 200,
            _ => 404,
        };
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 404 ? "Not Found" : "Service Unavailable")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        stream.Write(response, 0, response.Length);
    }
    catch (Exception ex) when (ex is System.IO.IOException || ex is SocketException)
    {
        // a client that went away mid-request: serve the next one
    }
}
