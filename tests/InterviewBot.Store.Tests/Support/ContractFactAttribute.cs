using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterviewBot.Store.Tests.Support;

/// <summary>A contract test, inherited by one test class per store. In a class marked
/// <see cref="NeedsPostgresAttribute"/> it is skipped as <see cref="PostgresFactAttribute"/> would be; elsewhere it is
/// a plain fact.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("InterviewBot.Store.Tests.Support.ContractFactDiscoverer", "InterviewBot.Store.Tests")]
internal sealed class ContractFactAttribute : FactAttribute;

/// <summary>Marks a contract test class whose store is PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class NeedsPostgresAttribute : Attribute;

internal sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _fact = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.ToRuntimeType().IsDefined(typeof(NeedsPostgresAttribute), inherit: true);
        return needsPostgres && TestPostgres.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : _fact.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
