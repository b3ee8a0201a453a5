using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.AspNetCore;
using RaxxConsole;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddFeatureManagement();

var app = builder.Build();

// The nav link is shown: the flag it checks is spelled right and is on.
app.MapGet("/console/nav", async (IFeatureManager features) => Results.Ok(new
{
    customers = await features.IsEnabledAsync("ConsoleCustomerAdmin"),
}));

// The route is gated on a misspelled flag: Microsoft.FeatureManagement treats an undeclared flag as off
// (logged at Debug only), so /console/customers answers 404 although ConsoleCustomerAdmin is on.
app.MapGet("/console/customers", () => Results.Ok(new[] { "acme", "globex" }))
    .WithFeatureGate("ConsoleCustomerAdmn");

app.MapConsoleEndpoints();

app.Run();
