using System;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Typed declarations in the source languages RAXX402 scans: the word before '=' is the type, the key is the name before
/// it (VB <c>Dim password As String = "…"</c>, TypeScript/Kotlin/Swift/Python <c>name: Type = "…"</c>, Go <c>name := "…"</c>
/// and <c>var name Type = "…"</c>). Before, none of these was read (the key was the type). Look-alikes: values read at
/// run time, empty values, placeholders, metadata names, names that are not secret. Values are fake.
/// </summary>
public class TypedDeclarationSecretTests
{
    [Theory]
    [InlineData("    Dim password As String = \"Vm8kRq2LpZx7\"", "password", "Vm8kRq2LpZx7")]
    [InlineData("    Private Const ApiKey As String = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "ApiKey", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("    Public Property ClientSecret As String = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "ClientSecret", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("const password: string = \"Vm8kRq2LpZx7\";", "password", "Vm8kRq2LpZx7")]
    [InlineData("  private readonly apiToken?: string = 'k7QpL2mZx9RtWv4YbN8cJ3';", "apiToken", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("val apiKey: String = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "apiKey", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("var dbPassword: String? = \"Vm8kRq2LpZx7\"", "dbPassword", "Vm8kRq2LpZx7")]
    [InlineData("let apiToken: String = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "apiToken", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("DB_PASSWORD: str = \"Vm8kRq2LpZx7\"", "DB_PASSWORD", "Vm8kRq2LpZx7")]
    [InlineData("\tpassword := \"Vm8kRq2LpZx7\"", "password", "Vm8kRq2LpZx7")]
    [InlineData("var apiToken string = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "apiToken", "k7QpL2mZx9RtWv4YbN8cJ3")]
    [InlineData("const signingSecret string = \"k7QpL2mZx9RtWv4YbN8cJ3\"", "signingSecret", "k7QpL2mZx9RtWv4YbN8cJ3")]
    public void SecretNamedTypedDeclaration_Reports(string text, string key, string value)
    {
        var m = Assert.Single(SecretScanner.Scan(text));
        Assert.Equal((SecretKind.Context, key, text.IndexOf(value, StringComparison.Ordinal) + 1, value.Length), (m.Kind, m.KeyName, m.Column, m.Length));
        Assert.DoesNotContain(value, m.Describe(), StringComparison.Ordinal);
        var r = Assert.Single(SecretScanner.ScanReference(text));
        Assert.Equal((m.Offset, m.KeyName, m.Hash), (r.Offset, r.KeyName, r.Hash));
    }

    [Theory]
    // read at run time, empty, placeholders
    [InlineData("    Dim password As String = GetPassword()")]
    [InlineData("    Dim password As String = Environment.GetEnvironmentVariable(\"DB_PASSWORD\")")]
    [InlineData("    Dim password As String = \"\"")]
    [InlineData("const password: string = process.env.DB_PASSWORD;")]
    [InlineData("const password: string = \"<password>\";")]
    [InlineData("def connect(password: str = \"changeme\"):")]
    [InlineData("password: str = os.environ[\"DB_PASSWORD\"]")]
    [InlineData("\tpassword := os.Getenv(\"DB_PASSWORD\")")]
    [InlineData("var apiToken string = \"\"")]
    // names that are metadata or not secret; the type is not the name
    [InlineData("const passwordLength: number = 24;")]
    [InlineData("val tokenType: String = \"Bearer\"")]
    [InlineData("    Dim userName As String = \"deploy-admin-2024x\"")]
    [InlineData("const label: SecretLabel = \"primary-2024-label\";")]
    [InlineData("var user string = \"deploy-admin-2024x\"")]
    [InlineData("    Dim Token As New CancellationTokenSource")]
    // a scope operator before the name
    [InlineData("x = Foo::password ? \"a\" : \"b\"")]
    // a subscript or a call that reads the value (before, the text up to the quote was judged as a password)
    [InlineData("password = os.environ[\"DB_PASSWORD\"]")]
    [InlineData("const password = process.env[\"DB_PASSWORD\"];")]
    [InlineData("DB_PASSWORD: str = os.environ[\"DB_PASSWORD\"]")]
    [InlineData("api_token = vault.read_secret(\"ci/api-token\")")]
    public void NotATypedSecretDeclaration_NoReport(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }
}
