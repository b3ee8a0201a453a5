using RaxxConsole;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ConsoleFlags>();

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapConsolePages();

app.Run();
