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

// Fixed: the gate names the declared flag (RAXX301).
app.MapGet("/console/customers", () => Results.Ok(new[] { "acme", "globex" }))
    .WithFeatureGate("ConsoleCustomerAdmin");

app.MapConsoleEndpoints();
app.MapAdminsOnline(); // fixed: the route is registered (RAXX302)

app.Run();
