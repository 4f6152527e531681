namespace LeadScoringStudio.Core.Models;

/// <summary>What a criterion or disqualifier looks for: an attribute value or an activity.</summary>
public abstract record Condition;

/// <summary>A lead attribute compared with listed values, e.g. industry one of [software, fintech].</summary>
public sealed record AttributeCondition(string Field, Operator Operator, ValueList<string> Values) : Condition;

/// <summary>A filter on one property of an activity, e.g. url contains /pricing.</summary>
public sealed record PropertyFilter(string Property, Operator Operator, ValueList<string> Values);

/// <summary>Activities of one type whose properties pass every filter.</summary>
public sealed record ActivityCondition(string ActivityType, ValueList<PropertyFilter> Filters) : Condition;
