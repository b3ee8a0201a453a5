using Raxx.Guardrails.Core.Deploy;

namespace Raxx.Guardrails.Core.Tests.Deploy;

public sealed class RefExpressionTests
{
    private static readonly RefContext ReleaseTagPush = RefContext.ForTag("trademaster-api-v1.10.1", "push");

    [Theory]
    [InlineData("startsWith(github.ref, 'refs/tags/v')", Tri.False)]
    [InlineData("${{ startsWith(github.ref, 'refs/tags/v') }}", Tri.False)]
    [InlineData("startsWith(github.ref, 'refs/tags/trademaster-api-v')", Tri.True)]
    [InlineData("STARTSWITH(github.REF, 'REFS/TAGS/TRADEMASTER-API-V')", Tri.True)]
    [InlineData("endsWith(github.ref_name, '.1')", Tri.True)]
    [InlineData("contains(github.ref, 'api')", Tri.True)]
    [InlineData("github.ref_type == 'tag'", Tri.True)]
    [InlineData("github.ref_type != 'tag'", Tri.False)]
    [InlineData("github.ref == 'refs/heads/main'", Tri.False)]
    [InlineData("!startsWith(github.ref, 'refs/tags/v')", Tri.True)]
    [InlineData("github.event_name == 'push' && (github.ref_type == 'branch' || startsWith(github.ref_name, 'v'))", Tri.False)]
    [InlineData("github.event_name == 'workflow_dispatch' || startsWith(github.ref_name, 'trademaster')", Tri.True)]
    [InlineData("inputs.force || startsWith(github.ref, 'refs/tags/v')", Tri.Unknown)]
    [InlineData("inputs.force && startsWith(github.ref, 'refs/tags/v')", Tri.False)]
    [InlineData("success() && startsWith(github.ref, 'refs/tags/v')", Tri.False)]
    [InlineData("always() || startsWith(github.ref, 'refs/tags/v')", Tri.True)]
    [InlineData("github.event.release.tag_name == ''", Tri.True)]
    [InlineData("fromJSON(vars.X)", Tri.Unknown)]
    [InlineData("startsWith(github.ref, 'refs/tags/v'", Tri.Unknown)]
    [InlineData("github.ref == 'refs/tags/v1' ||", Tri.Unknown)]
    [InlineData("", Tri.True)]
    public void EvaluateCondition_ConcreteTag(string condition, Tri expected) =>
        Assert.Equal(expected, RefExpression.EvaluateCondition(condition, ReleaseTagPush));

    [Theory]
    [InlineData("startsWith(github.ref, 'refs/tags/v')", Tri.True)]
    [InlineData("startsWith(github.ref, 'refs/tags/v1.2')", Tri.Unknown)]
    [InlineData("startsWith(github.ref, 'refs/tags/api-')", Tri.False)]
    [InlineData("github.ref == 'refs/tags/v2.0.0'", Tri.Unknown)]
    [InlineData("github.ref == 'refs/heads/v2.0.0'", Tri.False)]
    [InlineData("endsWith(github.ref, '.0')", Tri.Unknown)]
    [InlineData("contains(github.ref, 'tags/v')", Tri.True)]
    [InlineData("contains(github.ref, 'rc')", Tri.Unknown)]
    public void EvaluateCondition_TagPrefix(string condition, Tri expected) =>
        Assert.Equal(expected, RefExpression.EvaluateCondition(condition, RefContext.ForTagPrefix("v", "push", "a push of a tag matching 'v*'")));

    [Fact]
    public void EvaluateCondition_ReleaseEvent_UsesTagName()
    {
        var release = RefContext.ForTag("api-v2.0.0", "release");
        Assert.Equal(Tri.True, RefExpression.EvaluateCondition("startsWith(github.event.release.tag_name, 'api-v')", release));
        Assert.Equal(Tri.False, RefExpression.EvaluateCondition("startsWith(github.event.release.tag_name, 'v')", release));
    }

    [Fact]
    public void EvaluateCondition_UnknownRun_IsUnknown() =>
        Assert.Equal(Tri.Unknown, RefExpression.EvaluateCondition("startsWith(github.ref, 'refs/tags/v')", RefContext.ForEvent("workflow_dispatch")));

    [Theory]
    [InlineData("${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}", "'staging'")]
    [InlineData("${{ startsWith(github.ref, 'refs/tags/trademaster-api-v') && 'production' || 'staging' }}", "'production'")]
    [InlineData("${{ inputs.environment || 'staging' }}", "<unknown>")]
    [InlineData("deploy-${{ github.ref_type }}", "'deploy-tag'")]
    [InlineData("production", "'production'")]
    public void EvaluateValue(string text, string expected) =>
        Assert.Equal(expected, RefExpression.EvaluateValue(text, ReleaseTagPush).ToString());
}
