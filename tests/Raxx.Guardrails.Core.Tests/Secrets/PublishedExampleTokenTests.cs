using System;
using System.Linq;
using Raxx.Guardrails.Core.Secrets;

namespace Raxx.Guardrails.Core.Tests.Secrets;

/// <summary>
/// Example tokens published in RFCs and vendor docs, copied verbatim into docs, tests and sample code, are examples (as
/// AWS's documented …EXAMPLE keys are): RFC 6749's access token, refresh token and authorization code, RFC 5849's consumer
/// key and token, RFC 7009's revoked token, and the RFC 7519 / jwt.io HS256 token. Before, each was reported (RFC 6750's <c>mF_9.B5f-4.1JqM</c> never was: 15 characters). Only the
/// exact value: one character changed is reported again.
/// </summary>
public sealed class PublishedExampleTokenTests
{
    internal const string Rfc6749AccessToken = "2YotnFZFEjr1zCsicMWpAA";
    internal const string Rfc6749RefreshToken = "tGzv3JOkF0XG5Qx2TlKWIA";
    internal const string Rfc6749Code = "SplxlOBeZQQYbYS6WxSbIA";
    internal const string JwtIoToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    public static TheoryData<string, string, string> Examples => new()
    {
        { "\"access_token\":\"{0}\",", Rfc6749AccessToken, "generic-secret" },
        { "Authorization: Bearer {0}", Rfc6749AccessToken, "bearer-token" },
        { "refresh_token={0}", Rfc6749RefreshToken, "generic-secret" },
        { "auth_token: {0}", Rfc6749Code, "generic-secret" },
        { "oauth_consumer_key=\"{0}\",", "0685bd9184jfhq22", "generic-secret" },
        { "  oauth_token=\"{0}\",", "ad180jjd733klru7", "generic-secret" },
        { "token={0}&token_type_hint=refresh_token", "45ghiukldjahdnhzdauz", "generic-secret" },
        { "{0}", JwtIoToken, "jwt" },
        { "token = \"{0}\"", JwtIoToken, "jwt" },
        { "Authorization: Bearer {0}", JwtIoToken, "jwt" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void PublishedExample_NoReport_OneCharacterChanged_Reports(string shape, string example, string provider)
    {
        var text = string.Format(shape, example);
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));

        // the same with one character changed (the last of its first part: the JWT's header stays valid base64 JSON)
        var at = example.IndexOf('.') > 0 ? example.LastIndexOf('.') + 5 : example.Length - 3;
        var changed = example.Substring(0, at) + (example[at] == 'x' ? 'y' : 'x') + example.Substring(at + 1);
        var lookAlike = string.Format(shape, changed);
        var m = Assert.Single(SecretScanner.Scan(lookAlike));
        Assert.Equal((provider, changed.Length), (m.Provider, m.Length));
        Assert.Single(SecretScanner.ScanReference(lookAlike));
    }

    [Fact]
    public void ExamplesInsideLongerTokens_AreNotExamples()
    {
        // the jwt.io signature inside another token (the labeled corpus has such a GitHub token), the access token with a suffix
        var withSuffix = "access_token=" + Rfc6749AccessToken + "x9";
        Assert.Single(SecretScanner.Scan(withSuffix));
        var jwt = JwtIoToken.Substring(0, JwtIoToken.IndexOf('.') + 1) + "eyJzdWIiOiJyYXh4In0" + JwtIoToken.Substring(JwtIoToken.LastIndexOf('.'));
        Assert.Equal("jwt", Assert.Single(SecretScanner.Scan(jwt)).Provider);
    }

    [Theory]
    [InlineData("Authorization: Bearer mF_9.B5f-4.1JqM")]
    [InlineData("Authorization: Bearer mF_9.B5f-4.1JqN")]
    [InlineData("access_token=mF_9.B5f-4.1JqN")]
    public void Rfc6750BearerExample_TooShortToReport_EitherWay(string text)
    {
        Assert.Empty(SecretScanner.Scan(text));
        Assert.Empty(SecretScanner.ScanReference(text));
    }

    [Fact]
    public void ClassifyValue_PublishedExample_IsNoCredential_ForRaxx401()
    {
        Assert.Null(SecretScanner.ClassifyValue(Rfc6749AccessToken, "AccessToken"));
        Assert.Null(SecretScanner.ClassifyValue(JwtIoToken, null));
        Assert.NotNull(SecretScanner.ClassifyValue(Rfc6749AccessToken.Replace('C', 'M'), "AccessToken"));
        Assert.True(Placeholders.IsPlaceholder(Rfc6749RefreshToken));
    }
}
