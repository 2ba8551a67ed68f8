/**
 * Community digital teams (tổ công nghệ số cộng đồng) and student digital ambassadors: teams and
 * the residential groups they cover, trainers' work lists, assisted enrollment, and practical-skill
 * attestations (Xác nhận thực hành) that count toward "Gia đình số".
 */
package vn.hocso.community;
