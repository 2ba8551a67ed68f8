package vn.hocso.web.control;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page only someone signed in may see: anyone else is sent to the sign-in page first. The filter
 * that does it lives with the accounts (learner.boundary.SignInRequiredFilter); pages above it only
 * name the requirement.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignInRequired {}
