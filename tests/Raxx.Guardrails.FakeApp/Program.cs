using System;
using System.Net;
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

using var listener = new HttpListener();
listener.Prefixes.Add(url.TrimEnd('/') + "/");
listener.Start();
Console.WriteLine("Now listening on: " + url);
while (true)
{
    var context = listener.GetContext();
    var path = context.Request.Url?.AbsolutePath ?? "/";
    context.Response.StatusCode = path switch
    {
        "/health" => mode == "unhealthy" ? 503 : 200,
        "/gated" when Environment.GetEnvironmentVariable("FLAG_GATED") == "1" => 200,
        _ => 404,
    };
    context.Response.Close();
}
