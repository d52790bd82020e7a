package dev.truss.adapters.platforms.oauth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Contract tests (by method name) that cannot hold for a platform, with the reason, which JUnit
 * reports as the reason for skipping. The contract's tests are package-private, so a subclass
 * elsewhere cannot override them; this says so openly instead. Each use has a focused test of
 * what the platform does instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(NotApplicable.Skip.class)
public @interface NotApplicable {

    String[] value();

    String because();

    /** Disables the named tests of the annotated class. */
    final class Skip implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<NotApplicable> rule = context.getTestClass().map(c -> c.getAnnotation(NotApplicable.class));
            Optional<String> method = context.getTestMethod().map(Method::getName);
            if (rule.isPresent() && method.isPresent() && Arrays.asList(rule.get().value()).contains(method.get())) {
                return ConditionEvaluationResult.disabled(rule.get().because());
            }
            return ConditionEvaluationResult.enabled("the contract applies");
        }
    }
}
